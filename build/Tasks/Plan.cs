using Cake.Frosting;
using Tfwheel.Plan;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Plan")]
[TaskDescription("Prints everything Wheel would do for the recipe (exact argv, cwd, env, files with content, artifacts) and runs nothing; --format=json")]
public sealed class Plan : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var plan = WheelPlanner.Plan(context.Recipe, context.Paths, context.CompileHost, context.Options.SystemSitePackages);
        context.Report(context.Options.Format == ReportFormat.Json
            ? WheelPlanWriter.ToJson(plan, RecipeJson.ToJson(context.Recipe))
            : WheelPlanWriter.ToText(plan));
    }
}
