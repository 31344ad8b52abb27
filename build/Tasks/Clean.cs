using Cake.Frosting;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Clean")]
[TaskDescription("Removes artifacts/<recipe>/; with --source also the fetched TensorFlow tree (Bazel's own cache is left alone)")]
public sealed class Clean : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var paths = context.Paths;
        var doomed = context.Options.Source ? new[] { paths.Artifacts, paths.Source } : [paths.Artifacts];
        foreach (var dir in doomed.Where(Directory.Exists))
        {
            context.Log.InfoText($"- {dir}");
            Directory.Delete(dir, recursive: true);
        }
    }
}
