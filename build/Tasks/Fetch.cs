using Cake.Frosting;
using Tfwheel.Source;

namespace Tfwheel.Tasks;

[TaskName("Fetch")]
[TaskDescription("Clones or updates the TensorFlow tree at the recipe's ref (shallow), checks the commit pin, refuses local changes")]
public sealed class Fetch : AsyncFrostingTask<BuildContext>, IFrostingTask
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel && !context.SourceUnchanged;

    public string SkippedMessage => "inputs unchanged since the last configure (recipe, patches, tree), or --wheel names the wheel";

    public override async Task RunAsync(BuildContext context) =>
        context.RecordStage("fetch", (await SourceFetcher.FetchAsync(context.Recipe, context.Paths, context.Processes, context.Log, context.Cancellation)).Duration);
}
