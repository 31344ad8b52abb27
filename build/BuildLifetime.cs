using Cake.Core;
using Cake.Frosting;
using Tfwheel.Pipeline;
using Tfwheel.Publish;
using Tfwheel.Report;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>
/// Before any task: say what was resolved, and when the chain ends in Publish, check GitHub first (token,
/// write access, release state), as goreleaser does, so an hours-long build does not end in a refusal.
/// </summary>
public sealed class BuildLifetime : FrostingLifetime<BuildContext>
{
    private RunLock? _lock;

    public override void Setup(BuildContext context, ISetupContext info)
    {
        var targets = string.Join(" -> ", info.TasksToExecute.Select(t => t.Name));
        context.Log.VerboseText($"tfwheel: root {context.Root}; host {context.Host.Os}/{context.Host.Arch}; tasks {targets}");
        if (RunLock.Needed(info.TasksToExecute.Select(t => t.Name), context.BuildsWheel))
        {
            _lock = RunLock.Acquire([context.Paths.Source, context.Paths.Artifacts], info.TasksToExecute.Last().Name, context.Log);
        }

        var publishes = info.TasksToExecute.Any(t => t.Name == "Publish");
        // Cake lists the target's dependencies here even with --exclusive, which then runs the target alone:
        // Publish by itself checks GitHub as its first step, so a preflight would only repeat it.
        var builds = info.TasksToExecute.Count > 1 && !context.Options.Exclusive;
        if (publishes && builds)
        {
            context.Log.InfoText("Publish preflight (before the build starts)");
            new ReleasePublisher(context.Log)
                .PreflightAsync(context.PublishRequest(), beforeBuild: true, context.Cancellation)
                .GetAwaiter().GetResult();
        }
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
        _lock?.Dispose();
        _lock = null;
        if (!info.Successful && info.ThrownException is { } e)
        {
            context.Actions.Failure(e);
        }
    }
}
