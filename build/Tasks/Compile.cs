using Cake.Frosting;
using Tfwheel.Compile;
using Tfwheel.Pipeline;
using Tfwheel.Report;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Compile")]
[TaskDescription("Runs the one bazel build of the wheel target (live progress, BEP file, failure summary) and copies the wheel to artifacts/<recipe>/")]
[IsDependentOn(typeof(Configure))]
public sealed class Compile : AsyncFrostingTask<BuildContext>, IFrostingTask
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel;

    public string SkippedMessage => "--wheel given";

    public override async Task RunAsync(BuildContext context)
    {
        var result = await CompileStages.CompileAndRecordAsync(
            context.Recipe, context.Paths, context.CompileHost, context.Processes, context.Log,
            ProgressReporter.ForConsole(context.Log), context.StageDurations, context.Cancellation);
        context.Log.InfoText($"Wheel: {result.WheelPath} ({result.WheelSize} bytes, sha256 {result.WheelSha256})");
        context.Actions.Compile(context.Recipe.Name, result);
    }
}
