using Cake.Frosting;
using Tfwheel.Compile;
using Tfwheel.Pipeline;

namespace Tfwheel.Tasks;

[TaskName("Configure")]
[TaskDescription("Checks host, bazel version and --configs, runs configure.py non-interactively and writes .bazelrc.user")]
[IsDependentOn(typeof(Patch))]
public sealed class Configure : AsyncFrostingTask<BuildContext>, IFrostingTask
{
    public override bool ShouldRun(BuildContext context) => context.BuildsWheel && !context.SourceUnchanged;

    public string SkippedMessage => "inputs unchanged, or --wheel given";

    public override async Task RunAsync(BuildContext context)
    {
        var result = await TreeConfigurer.ConfigureAsync(context.Recipe, context.Paths, context.CompileHost, context.Processes, context.Log, context.Cancellation);
        context.RecordStage("configure", result.Duration);
        await CompileStages.StampAsync(context.Recipe, context.Paths, context.CompileHost, context.Processes, result.BazelVersion, context.Cancellation);
    }
}
