using Cake.Core;
using Cake.Frosting;

namespace Tfwheel;

/// <summary>
/// A log group per task on GitHub Actions (docs/STYLE.md rule 8), so each stage folds in the CI log. The
/// workflow commands go raw to the output, not through the Cake log, whose colours would hide them from the runner.
/// </summary>
public sealed class TaskLifetime : FrostingTaskLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ITaskSetupContext info)
    {
        context.Actions.Group(info.Task.Name);
    }

    public override void Teardown(BuildContext context, ITaskTeardownContext info)
    {
        context.Actions.EndGroup();
    }
}
