using Cake.Frosting;
using Tfwheel.Doctor;
using Tfwheel.Source;

namespace Tfwheel.Tasks;

[TaskName("Fetch")]
[TaskDescription("Checks the host first (OS/CPU, bazel, Xcode, disk), then clones or updates the TensorFlow tree at the recipe's ref (shallow), checks the commit pin, refuses local changes")]
public sealed class Fetch : AsyncFrostingTask<BuildContext>, IFrostingTask
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel && !context.SourceUnchanged;

    public string SkippedMessage => "inputs unchanged, or --wheel given";

    public override async Task RunAsync(BuildContext context)
    {
        // Before the download: a macOS recipe on Linux (or no bazel, no Xcode, no disk) fails in seconds, not after gigabytes.
        await BuildPreflight.EnsureReadyAsync(context.Recipe, context.Paths, new SystemHostProbe(context.Processes), context.Log, context.Cancellation);
        context.RecordStage("fetch", (await SourceFetcher.FetchAsync(context.Recipe, context.Paths, context.Processes, context.Log, context.Cancellation)).Duration);
    }
}
