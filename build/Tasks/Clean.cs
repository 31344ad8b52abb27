using Cake.Frosting;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Clean")]
[TaskDescription("Removes artifacts/<recipe>/; with --source also the fetched TensorFlow tree, after bazel clean --expunge of its output base")]
public sealed class Clean : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var paths = context.Paths;
        var source = context.Options.Source;
        var freed = source && Directory.Exists(paths.Source)
            ? await BazelExpunge.RunAsync(context.Recipe, paths, context.Processes, context.Log, context.Cancellation)
            : 0;
        foreach (var dir in (source ? new[] { paths.Artifacts, paths.Source } : [paths.Artifacts]).Where(Directory.Exists))
        {
            var size = FolderSize.Of(dir);
            context.Log.InfoText($"- {dir} ({size:N0} bytes)");
            Directory.Delete(dir, recursive: true);
            freed += size;
        }

        context.Log.InfoText($"Clean: freed {freed:N0} bytes ({freed / (double)(1L << 30):0.00} GiB)");
    }
}
