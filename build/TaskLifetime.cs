using Cake.Core;
using Cake.Frosting;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>A log group per task on GitHub Actions (docs/STYLE.md rule 8), so each stage folds in the CI log.</summary>
public sealed class TaskLifetime : FrostingTaskLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ITaskSetupContext info)
    {
        if (context.Ci.GitHubActions)
        {
            context.Log.InfoText($"::group::{info.Task.Name}");
        }
    }

    public override void Teardown(BuildContext context, ITaskTeardownContext info)
    {
        if (context.Ci.GitHubActions)
        {
            context.Log.InfoText("::endgroup::");
        }
    }
}
