using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
using Tfwheel.Reporting;

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
        // Lead with the error: right under the failing task, before the task table buries it (the host repeats
        // it last). TfwheelException messages are the user's part; a bug's message is shown the same way.
        if (!info.Successful && !info.Skipped && info.ThrownException is { } e)
        {
            context.Log.Error("{0}", string.Join(Environment.NewLine, e.GetBaseException().Message.Split('\n').Select(l => TerminalText.Escape(l.TrimEnd('\r')))));
        }

        context.Actions.EndGroup();
    }
}
