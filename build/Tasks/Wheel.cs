using Cake.Frosting;
using Tfwheel.Pipeline;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Wheel")]
[TaskDescription("Builds, verifies and smoke-tests the recipe's wheel for each of its Pythons, then prints what was made (the default target)")]
[IsDependentOn(typeof(Smoke))]
public sealed class Wheel : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var summary = RunSummary.Read(WheelLocator.ForRun(context.Recipe, context.Options.Wheel, context.Root, context.Paths.Artifacts), context.Paths);
        context.Log.InfoText(summary.ToText());
        if (context.Ci.StepSummaryPath is { } path)
        {
            File.AppendAllText(path, summary.ToMarkdown(context.Recipe.Name));
        }
    }
}
