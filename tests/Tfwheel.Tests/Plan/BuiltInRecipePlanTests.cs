using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Plan;
using Tfwheel.Platforms;
using Tfwheel.Recipes.Loading;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Plan;

/// <summary>The exact bazel argv and .bazelrc.user the shipped recipes produce (what a release engineer would review).</summary>
public class BuiltInRecipePlanTests
{
    private static readonly string RecipesDir = Path.Combine(ProjectFiles.Root, "recipes");
    private static readonly CompileHost Mac = new(new HostPlatform("macos", "arm64"), "/opt/homebrew/bin/python3.12", "/Users/dev");

    private static (WheelPlan Plan, string BazelrcUser) PlanFor(string name)
    {
        var recipe = RecipeLoader.Load(name, [], RecipesDir);
        var paths = BuildPaths.For("/p", recipe.Name);
        return (WheelPlanner.Plan(recipe, paths, Mac), BazelrcUser.Render(recipe, Mac.Home));
    }

    private static IReadOnlyList<string> BazelArgv(WheelPlan plan) =>
        Assert.Single(plan.Steps, s => s.Name == "compile" && s.Argv.Count > 1 && s.Argv[1] == "build").Argv;

    [Theory]
    [InlineData("macos-arm64", "tensorflow", "tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl")]
    [InlineData("macos-arm64-accelerate", "tensorflow", "tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl")]
    [InlineData("linux-x86_64", "tensorflow_cpu", "tensorflow_cpu-2.20.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")]
    [InlineData("linux-aarch64", "tensorflow", "tensorflow-2.20.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl")]
    public void Tf_2_20_recipes_build_the_wheel_target_with_the_wheel_name_and_a_build_event_file(string name, string distribution, string wheel)
    {
        var (plan, _) = PlanFor(name);

        Assert.Equal(
            ["bazel", "build", $"--build_event_json_file=/p/artifacts/{name}/bazel-events.json", $"--profile=/p/artifacts/{name}/bazel-profile.json.gz", $"--repo_env=WHEEL_NAME={distribution}", "--repo_env=HERMETIC_PYTHON_VERSION=3.12", "//tensorflow/tools/pip_package:wheel"],
            BazelArgv(plan));
        Assert.Equal($"/p/artifacts/{name}/{wheel}", plan.Artifacts["wheel"]);
    }

    [Theory]
    [InlineData("linux-x86_64", "linux_x86_64 -> manylinux_2_17_x86_64.manylinux2014_x86_64")]
    [InlineData("linux-aarch64", "linux_aarch64 -> manylinux_2_17_aarch64.manylinux2014_aarch64")]
    public void Linux_recipes_plan_a_repair_of_bazels_linux_wheel_between_verify_and_smoke(string name, string retag)
    {
        var (plan, _) = PlanFor(name);

        var names = plan.Steps.Select(s => s.Name).ToList();
        var repair = Assert.Single(plan.Steps, s => s.Name == "repair");
        Assert.Contains(retag, repair.Description);
        Assert.Contains("no libraries grafted", repair.Description);
        Assert.Equal(names.IndexOf("verify") + 1, names.IndexOf("repair"));
        Assert.True(names.IndexOf("smoke") > names.IndexOf("repair"));
    }

    [Fact]
    public void Macos_recipes_plan_no_repair()
    {
        Assert.DoesNotContain(PlanFor("macos-arm64").Plan.Steps, s => s.Name == "repair");
    }

    [Fact]
    public void The_tf_2_16_recipe_builds_build_pip_package_and_runs_it_into_artifacts()
    {
        var (plan, _) = PlanFor("macos-arm64-tf216");

        Assert.Equal(
            ["bazel", "build", "--build_event_json_file=/p/artifacts/macos-arm64-tf216/bazel-events.json", "--profile=/p/artifacts/macos-arm64-tf216/bazel-profile.json.gz", "--repo_env=HERMETIC_PYTHON_VERSION=3.12", "--repo_env=TF_PYTHON_VERSION=3.12", "//tensorflow/tools/pip_package:build_pip_package"],
            BazelArgv(plan));
        var package = Assert.Single(plan.Steps, s => s.Argv.Count > 0 && s.Argv[0].EndsWith("/build_pip_package", StringComparison.Ordinal));
        Assert.Equal(["/p/.work/src/macos-arm64-tf216/bazel-bin/tensorflow/tools/pip_package/build_pip_package", "/p/artifacts/macos-arm64-tf216/pip_package", "--project_name", "tensorflow"], package.Argv);
    }

    [Fact]
    public void The_macos_x86_64_recipe_pins_the_last_intel_release_2_16_with_release_macos_x86_and_build_pip_package()
    {
        var (plan, rc) = PlanFor("macos-x86_64");

        Assert.Equal("v2.16.2", plan.Recipe.Tensorflow.Ref);
        Assert.Equal(
            ["bazel", "build", "--build_event_json_file=/p/artifacts/macos-x86_64/bazel-events.json", "--profile=/p/artifacts/macos-x86_64/bazel-profile.json.gz", "--repo_env=HERMETIC_PYTHON_VERSION=3.12", "--repo_env=TF_PYTHON_VERSION=3.12", "//tensorflow/tools/pip_package:build_pip_package"],
            BazelArgv(plan));
        Assert.Contains("build --config=release_macos_x86", rc.Split('\n'));
        Assert.Equal("/p/artifacts/macos-x86_64/tensorflow-2.16.2-cp312-cp312-macosx_10_15_x86_64.whl", plan.Artifacts["wheel"]);
    }

    [Fact]
    public void The_macos_arm64_bazelrc_user_selects_the_release_config_python_and_deployment_target()
    {
        var (_, rc) = PlanFor("macos-arm64");
        var lines = rc.Split('\n').Where(l => l.StartsWith("build ", StringComparison.Ordinal)).ToList();

        Assert.Contains("build --config=release_macos_arm64", lines);
        // The Python is on each build's command line (one tree serves every Python of a recipe), not in .bazelrc.user.
        Assert.DoesNotContain(lines, l => l.Contains("HERMETIC_PYTHON_VERSION", StringComparison.Ordinal));
        Assert.Contains("build --repo_env=MACOSX_DEPLOYMENT_TARGET=12.0", lines);
        Assert.Contains("build --repo_env=USE_PYWRAP_RULES=True", lines);
        Assert.Contains("build --disk_cache=/Users/dev/.cache/tfwheel/bazel-disk", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Accelerate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_accelerate_recipe_applies_its_patch_and_links_accelerate()
    {
        var (plan, rc) = PlanFor("macos-arm64-accelerate");

        // The patch's BUILD select scopes the defines and linkopts to the contraction library: no global flags.
        Assert.Contains("build --define=tensorflow_accelerate_contraction_kernel=1", rc.Split('\n'));
        Assert.DoesNotContain(rc.Split('\n'), l => l.Contains("--copt=-DTF_USE_ACCELERATE_CONTRACTION", StringComparison.Ordinal) || l.Contains("--linkopt", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Name == "patch" && s.Argv.Contains("apply") && s.Argv[^1].EndsWith("0001-accelerate-contraction.patch", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_plan_runs_the_shipped_smoke_workloads_with_the_recipes_mlir_environment()
    {
        var (plan, _) = PlanFor("macos-arm64");

        Assert.Equal("/p/artifacts/macos-arm64/mlir-reproducers", plan.SmokeEnvironment["MLIR_CRASH_REPRODUCER_DIRECTORY"]);
        Assert.Contains(plan.Steps, s => s.Name == "smoke" && s.Argv.Any(a => a.EndsWith("matmul.py", StringComparison.Ordinal)));
        Assert.Contains(plan.Steps, s => s.Name == "smoke" && s.Argv.Any(a => a.EndsWith("mlir-pipeline.py", StringComparison.Ordinal)));
    }
}
