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
    /// <summary>
    /// The steps in the order the tasks run them: the tree once, Compile for every Python, then Verify, Repair and
    /// Smoke for every wheel. With several Pythons each per-wheel step says which one it is for.
    /// </summary>
    public static WheelPlan Plan(Recipe recipe, BuildPaths paths, CompileHost host, bool systemSitePackages = false)
    {
        var build = PlanBuild(recipe, paths, host);
        var several = recipe.Pythons.Count > 1;
        IEnumerable<PlannedStep> For(Recipe one, IEnumerable<PlannedStep> steps) =>
            several ? steps.Select(s => s with { Description = $"Python {one.Python}: {s.Description}" }) : steps;
        var steps = new List<PlannedStep>([Doctor.PreflightPlan.Step(recipe), .. build.Fetch.Steps, .. build.Patches.SelectMany(p => p.Steps), .. build.Configure.Steps]);
        var perPython = recipe.PerPython;
        for (var i = 0; i < perPython.Count; i++)
        {
            steps.AddRange(For(perPython[i], build.Compiles[i].Steps));
        }

        steps.AddRange(perPython.SelectMany(one => For(one, [new PlannedStep("verify",
            $"Read every native binary in {ExpectedWheelName(one)}; require {string.Join(", ", Archs(one))}, min-os <= {one.Target.MinOs ?? "-"}, instruction sets within cpu {one.Target.Cpu ?? "baseline"}, RECORD hashes, linkage (in-process)")])));
        steps.AddRange(perPython.SelectMany(one => For(one, RepairPlan.Steps(one))));
        steps.AddRange(perPython.SelectMany(one => For(one, SmokePlan.Steps(SmokeRequest.For(one, Path.Combine(paths.Artifacts, ExpectedWheelName(one)), paths.Artifacts) with { SystemSitePackages = systemSitePackages }))));
        if (recipe.Publish.Repository is { } repository)
        {
            steps.Add(new PlannedStep("publish",
                $"Only with --target=Publish: release {RecipePlaceholders.Expand(recipe.Publish.Tag, recipe)} on {repository} via {recipe.Publish.ApiUrl} (token from GITHUB_TOKEN or GH_TOKEN)"));
        }

        var artifacts = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["manifest"] = paths.Manifest,
            // One log and one build-event file: each bazel run of the run rewrites them (the manifest keeps each run's summary).
            ["bazel log"] = build.Compiles[0].LogFile,
            ["build events"] = build.Compiles[0].BuildEventFile,
        };
        foreach (var one in perPython)
        {
            var suffix = several ? $" ({one.PythonTag})" : "";
            artifacts["wheel" + suffix] = Path.Combine(paths.Artifacts, ExpectedWheelName(one));
            artifacts["verify report" + suffix] = paths.VerifyReportFor(one.PythonTag);
            artifacts["smoke report" + suffix] = paths.SmokeReportFor(one.PythonTag);
            artifacts["smoke junit" + suffix] = paths.SmokeJUnitFor(one.PythonTag);
        }

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
        new(SourcePlanner.PlanFetch(recipe, paths), SourcePlanner.PlanPatches(recipe, paths), CompilePlanner.PlanConfigure(recipe, paths, host),
            [.. recipe.PerPython.Select(one => CompilePlanner.PlanCompile(one, paths))]);
}
