using Cake.Core;
using Cake.Frosting;
using Tfwheel.Errors;
using Tfwheel.Publishing;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Publish")]
[TaskDescription("Puts the verified, smoke-tested wheel, SHA256SUMS and the build manifest on the recipe's GitHub release (safe to re-run; --dryrun shows the API calls)")]
[IsDependentOn(typeof(Wheel))]
public sealed class Publish : AsyncFrostingTask<BuildContext>, IDryRunnable
{
    public override async Task RunAsync(BuildContext context)
    {
        // ReleasePublisher says what it published (tag, URL, writes); GitHub Actions also gets it as a summary.
        var result = await new ReleasePublisher(context.Log).PublishAsync(Request(context), context.Cancellation);
        ActionsReporter.For(context).Publish(result);
    }

    public async Task DryRunAsync(ICakeContext cakeContext)
    {
        var context = (BuildContext)cakeContext;
        var plan = await new ReleasePublisher(context.Log).PlanAsync(Request(context), context.Cancellation);
        if (plan.Problems.Count > 0)
        {
            throw new StepFailedException(
                "Publish would be refused: " + string.Join(Environment.NewLine + "  ", plan.Problems.Prepend("")), ExitCodes.Publish);
        }
    }

    internal static PublishRequest Request(BuildContext context) =>
        PublishRequest.FromRecipe(context.Recipe, context.Paths.Artifacts, context.Environment.GetEnvironmentVariable) with
        {
            AllowUnverified = context.Options.Flag("allow-unverified"),
            ReplaceAssets = context.Options.Flag("replace-assets"),
        };
}
