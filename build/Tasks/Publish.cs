using Cake.Core;
using Cake.Frosting;
using Tfwheel.Cli;
using Tfwheel.Publish;
using Tfwheel.Report;

namespace Tfwheel.Tasks;

[TaskName("Publish")]
[TaskDescription("Puts every verified, smoke-tested wheel of the run, one SHA256SUMS and the build manifest on the recipe's GitHub release (safe to re-run; --dryrun shows the API calls)")]
[IsDependentOn(typeof(Wheel))]
public sealed class Publish : AsyncFrostingTask<BuildContext>, IDryRunnable
{
    public override async Task RunAsync(BuildContext context)
    {
        // ReleasePublisher says what it published (tag, URL, writes); GitHub Actions also gets it as a summary.
        var result = await new ReleasePublisher(context.Log).PublishAsync(context.PublishRequest(), context.Cancellation);
        context.Actions.Publish(result);
    }

    public async Task DryRunAsync(ICakeContext cakeContext)
    {
        var context = (BuildContext)cakeContext;
        var plan = await new ReleasePublisher(context.Log).PlanAsync(context.PublishRequest(), context.Cancellation);
        if (plan.Problems.Count > 0)
        {
            // The same exception a real run refuses with: one route, one exit code (10).
            throw new PublishException(
                "Publish would be refused: " + string.Join(Environment.NewLine + "  ", plan.Problems.Prepend("")));
        }
    }
}
