using Cake.Frosting;
using Tfwheel.Source;

namespace Tfwheel.Tasks;

[TaskName("Patch")]
[TaskDescription("Applies the recipe's patch series in order (checked first; already-applied patches are skipped)")]
[IsDependentOn(typeof(Fetch))]
public sealed class Patch : AsyncFrostingTask<BuildContext>, IFrostingTask
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel && !context.SourceUnchanged;

    public string SkippedMessage => "inputs unchanged, or --wheel given";

    public override async Task RunAsync(BuildContext context) =>
        context.RecordStage("patch", (await PatchSeries.ApplyAsync(context.Recipe, context.Paths, context.Processes, context.Log, context.Cancellation)).Duration);
}
