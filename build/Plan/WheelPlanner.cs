using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Repair;
using Tfwheel.Smoke;
using Tfwheel.Source;

namespace Tfwheel.Plan;

/// <summary>
/// Assembles the whole Wheel plan from the stages' own planners (CompilePlanner, SmokePlan), so Plan
/// shows the very records those stages execute.
/// </summary>
public static class WheelPlanner
{
    public static WheelPlan Plan(Recipe recipe, BuildPaths paths, CompileHost host, bool systemSitePackages = false)
    {
        var compile = PlanBuild(recipe, paths, host);
        var wheel = Path.Combine(paths.Artifacts, ExpectedWheelName(recipe));
        var verify = new PlannedStep("verify", $"Read every native binary in the wheel; require {string.Join(", ", Archs(recipe))}, min-os <= {recipe.Target.MinOs ?? "-"}, instruction sets within cpu {recipe.Target.Cpu ?? "baseline"}, RECORD hashes, linkage (in-process)");
        var smoke = SmokePlan.Steps(SmokeRequest.For(recipe, wheel, paths.Artifacts) with { SystemSitePackages = systemSitePackages });
        var steps = new List<PlannedStep>([Doctor.PreflightPlan.Step(recipe), .. compile.Steps, verify, .. RepairPlan.Steps(recipe), .. smoke]);
        if (recipe.Publish.Repository is { } repository)
        {
            steps.Add(new PlannedStep("publish",
                $"Only with --target=Publish: release {RecipePlaceholders.Expand(recipe.Publish.Tag, recipe)} on {repository} via {recipe.Publish.ApiUrl} (token from GITHUB_TOKEN or GH_TOKEN)"));
        }

        var artifacts = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["wheel"] = wheel,
            ["manifest"] = paths.Manifest,
            ["bazel log"] = compile.Compile.LogFile,
            ["build events"] = compile.Compile.BuildEventFile,
            ["verify report"] = paths.VerifyReport,
            ["smoke report"] = paths.SmokeReport,
            ["smoke junit"] = paths.SmokeJUnit,
        };
        return new WheelPlan(recipe, paths, steps, artifacts, SmokeEnvironment.For(recipe.Mlir, paths.Artifacts));
    }

    /// <summary>
    /// The wheel the pipeline leaves: tf_wheel.bzl's {name}-{version}{suffix}-cpXY-cpXY-{platform}.whl (docs/facts/TENSORFLOW.md
    /// section 3), with a Linux wheel's linux_&lt;arch&gt; retagged manylinux by Repair when the recipe sets a glibc floor.
    /// </summary>
    public static string ExpectedWheelName(Recipe recipe) =>
        $"{recipe.Wheel.Name}-{recipe.Tensorflow.Version}{recipe.Wheel.VersionSuffix}-{recipe.PythonTag}-{recipe.PythonTag}-{TargetWheelTags.Final(recipe.Target)}.whl";

    private static IReadOnlyList<string> Archs(Recipe recipe) => recipe.Verify.Archs.Count > 0 ? recipe.Verify.Archs : [recipe.Target.ArchTag];

    public static BuildPlan PlanBuild(Recipe recipe, BuildPaths paths, CompileHost host) =>
        new(SourcePlanner.PlanFetch(recipe, paths), SourcePlanner.PlanPatches(recipe, paths), CompilePlanner.PlanConfigure(recipe, paths, host), CompilePlanner.PlanCompile(recipe, paths));
}
