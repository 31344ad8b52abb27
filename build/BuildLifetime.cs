using Cake.Core;
using Cake.Frosting;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>Before any task: say what was resolved (recipe chain, paths). After the last: nothing to undo yet.</summary>
public sealed class BuildLifetime : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        var targets = string.Join(", ", info.TasksToExecute.Select(t => t.Name));
        context.Log.VerboseText($"tfwheel: root {context.Root}; host {context.Host.Os}/{context.Host.Arch}; tasks {targets}");
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
        if (!info.Successful && context.Ci.GitHubActions && info.ThrownException is { } e)
        {
            context.Log.InfoText($"::error title=tfwheel::{GitHubActions.Escape(e.GetBaseException().Message)}");
        }
    }
}
