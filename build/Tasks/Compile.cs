using Cake.Frosting;
using Tfwheel.Compile;
using Tfwheel.Pipeline;
using Tfwheel.Report;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Compile")]
[TaskDescription("Runs the bazel build of the wheel target once per Python of the recipe (live progress, BEP file, failure summary) and copies each wheel to artifacts/<recipe>/")]
[IsDependentOn(typeof(Configure))]
public sealed class Compile : AsyncFrostingTask<BuildContext>, IFrostingTask
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel;

    public string SkippedMessage => "--wheel given";

    public override async Task RunAsync(BuildContext context)
    {
        var results = await CompileStages.CompileAndRecordAsync(
            context.Recipe, context.Paths, context.CompileHost, context.Processes, context.Log,
            ProgressReporter.ForConsole(context.Log), context.StageDurations, context.Cancellation);
        foreach (var result in results)
        {
            context.Log.InfoText($"Wheel: {result.WheelPath} ({result.WheelSize} bytes, sha256 {result.WheelSha256})");
        }

        context.Actions.Compile(context.Recipe.Name, results);
    }
}
