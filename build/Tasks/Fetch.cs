using Cake.Frosting;
using Tfwheel.Source;

namespace Tfwheel.Tasks;

[TaskName("Fetch")]
[TaskDescription("Clones or updates the TensorFlow tree at the recipe's ref (shallow), checks the commit pin, refuses local changes")]
public sealed class Fetch : AsyncFrostingTask<BuildContext>
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel && !context.SourceUnchanged;

    public override string SkippedMessage => "--wheel names the wheel to use, or inputs unchanged since the last configure (recipe, patches, tree)";

    public override async Task RunAsync(BuildContext context) =>
        context.RecordStage("fetch", (await SourceFetcher.FetchAsync(context.Recipe, context.Paths, context.Processes, context.Log, context.Cancellation)).Duration);
}
