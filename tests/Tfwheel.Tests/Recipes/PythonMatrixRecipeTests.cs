using Tfwheel.Compile;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Recipes;

/// <summary>python: a list of versions, --python=3.11,3.12 selecting some, and what follows the Python per build.</summary>
public sealed class PythonMatrixRecipeTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-matrix-");

    public void Dispose() => _dir.Dispose();

    private string Recipes => _dir.Combine("project", "recipes");

    private Recipe Resolve(string yaml, string? python = null, params string[] sets)
    {
        Directory.CreateDirectory(Recipes);
        File.WriteAllText(Path.Combine(Recipes, "matrix.yaml"), yaml);
        var options = new BuildOptions { Recipe = "matrix", Python = python, Sets = sets };
        return RecipeResolver.Resolve(options, _dir.Combine("project"), new HostPlatform("macos", "arm64"));
    }

    private const string Matrix = """
        tensorflow: { repository: "https://example.invalid/tf.git", ref: v2.20.0, version: 2.20.0 }
        python: ["3.10", "3.11", "3.12"]
        target: { os: macos, arch: arm64, min-os: "12.0" }
        bazel:
          repo-env: { HERMETIC_PYTHON_VERSION: "{python}", TF_PYTHON_VERSION: "{python}", USE_PYWRAP_RULES: "True" }
          action-env: { PYTHON_TAG: "py{python}", CC: clang }
        configure: { env: { TF_NEED_CUDA: "0" } }
        publish: { repository: acme/tf-wheels, tag: "tf-{tensorflow.version}-{name}" }
        """;

    [Fact]
    public void A_python_list_gives_a_recipe_per_version_with_its_placeholders_expanded()
    {
        var recipe = Resolve(Matrix);

        Assert.Equal(["3.10", "3.11", "3.12"], recipe.Pythons);
        Assert.Equal("3.10", recipe.Python);
        Assert.Equal(["cp310", "cp311", "cp312"], recipe.PerPython.Select(r => r.PythonTag));
        var py311 = recipe.PerPython[1];
        Assert.Equal("3.11", py311.Bazel.RepoEnv["HERMETIC_PYTHON_VERSION"]);
        Assert.Equal("3.11", py311.Bazel.RepoEnv["TF_PYTHON_VERSION"]);
        Assert.Equal("py3.11", py311.Bazel.ActionEnv["PYTHON_TAG"]);
        Assert.Equal("True", py311.Bazel.RepoEnv["USE_PYWRAP_RULES"]);
    }

    [Fact]
    public void Each_build_carries_its_python_on_the_command_line_and_the_shared_bazelrc_has_none()
    {
        var recipe = Resolve(Matrix);
        var paths = Files.BuildPaths.For("/p", recipe.Name);

        var rc = BazelrcUser.Render(recipe, "/home/me");
        Assert.Contains("build --repo_env=USE_PYWRAP_RULES=True", rc.Split('\n'));
        Assert.Contains("build --action_env=CC=clang", rc.Split('\n'));
        Assert.DoesNotContain("PYTHON_VERSION", rc, StringComparison.Ordinal);
        Assert.DoesNotContain("PYTHON_TAG", rc, StringComparison.Ordinal);
        // Every version renders the same .bazelrc.user: one tree and one output base serve them all.
        Assert.All(recipe.PerPython, one => Assert.Equal(rc, BazelrcUser.Render(one, "/home/me")));

        var argv = CompilePlanner.PlanCompile(recipe.PerPython[2], paths).Build.Argv;
        Assert.Equal(
            ["--repo_env=HERMETIC_PYTHON_VERSION=3.12", "--repo_env=TF_PYTHON_VERSION=3.12", "--action_env=PYTHON_TAG=py3.12"],
            argv.Where(a => a.Contains("PYTHON", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_plan_shows_the_tree_once_then_each_pythons_build_verify_and_smoke_with_its_artifacts()
    {
        var recipe = Resolve(Matrix, python: "3.11,3.12");
        var host = new CompileHost(new HostPlatform("macos", "arm64"), "/usr/bin/python3", "/Users/dev");

        var plan = Tfwheel.Plan.WheelPlanner.Plan(recipe, Files.BuildPaths.For("/p", recipe.Name), host);

        Assert.Single(plan.Steps, s => s.Description.StartsWith("Run configure.py", StringComparison.Ordinal));
        var builds = plan.Steps.Where(s => s.Name == "compile").ToList();
        Assert.Equal(["Python 3.11: Build //tensorflow/tools/pip_package:wheel", "Python 3.12: Build //tensorflow/tools/pip_package:wheel"], builds.Select(b => b.Description));
        Assert.Contains("--repo_env=HERMETIC_PYTHON_VERSION=3.12", builds[1].Argv);
        Assert.Equal(["python3.11", "python3.12"], plan.Steps.Where(s => s.Name == "smoke" && s.Argv.Count > 1 && s.Argv[1] == "-m" && s.Argv[2] == "venv").Select(s => s.Argv[0]));
        Assert.Equal("/p/artifacts/matrix/tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl", plan.Artifacts["wheel (cp312)"]);
        Assert.Equal("/p/artifacts/matrix/verify-cp311.json", plan.Artifacts["verify report (cp311)"]);
        var text = Tfwheel.Plan.WheelPlanWriter.ToText(plan);
        Assert.Contains("wheel tags cp311-cp311-macosx_12_0_arm64, cp312-cp312-macosx_12_0_arm64", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tree_stamp_does_not_depend_on_which_pythons_a_run_selects()
    {
        var all = Resolve(Matrix);
        var some = Resolve(Matrix, python: "3.12,3.11");

        Assert.Equal(["3.12", "3.11"], some.Pythons);
        Assert.Equal(RecipeJson.Sha256(all.PythonNeutral), RecipeJson.Sha256(some.PythonNeutral));
        Assert.NotEqual(RecipeJson.Sha256(all), RecipeJson.Sha256(some));
        // A real change still moves it.
        Assert.NotEqual(RecipeJson.Sha256(all.PythonNeutral), RecipeJson.Sha256(Resolve(Matrix, null, "bazel.jobs=8").PythonNeutral));
    }

    [Fact]
    public void A_single_python_flag_still_overrides_and_a_list_of_one_is_one()
    {
        Assert.Equal(["3.13"], Resolve(Matrix, python: "3.13").Pythons);
        Assert.Equal(["3.11"], Resolve(Matrix, null, "python=[3.11]").Pythons);
        Assert.True(RecipeResolver.IsVersion("3.11,3.12"));
        Assert.False(RecipeResolver.IsVersion("3.11,"));
        Assert.False(RecipeResolver.IsVersion("/usr/bin/python3.12"));
    }

    [Theory]
    [InlineData("python: [\"3.11\", \"3.11\"]", "matrix.yaml:2:", "lists 3.11 twice")]
    [InlineData("python: []", "matrix.yaml:2:", "empty list")]
    [InlineData("python: [\"3.11\", \"three\"]", "matrix.yaml:2:", "'three' in 'python': must be a Python version")]
    [InlineData("python: [\"3.11\", [\"3.12\"]]", "matrix.yaml:2:", "expects a list of strings")]
    public void A_bad_python_list_names_the_file_line_and_fix(string python, string where, string message)
    {
        var e = Assert.Throws<RecipeException>(() => Resolve(Matrix.Replace("python: [\"3.10\", \"3.11\", \"3.12\"]", python, StringComparison.Ordinal)));

        Assert.Contains(where, e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_pythons_refuse_a_release_tag_per_python_and_a_pinned_python_variable()
    {
        var yaml = Matrix
            .Replace("TF_PYTHON_VERSION: \"{python}\"", "TF_PYTHON_VERSION: \"3.12\"", StringComparison.Ordinal)
            .Replace("tag: \"tf-{tensorflow.version}-{name}\"", "tag: \"tf-{tensorflow.version}-py{python}\"", StringComparison.Ordinal);

        var e = Assert.Throws<RecipeException>(() => Resolve(yaml));

        Assert.Contains("matrix.yaml:5:", e.Message, StringComparison.Ordinal);
        Assert.Contains("'bazel.repo-env.TF_PYTHON_VERSION' is '3.12', but the recipe builds 3.10, 3.11, 3.12", e.Message, StringComparison.Ordinal);
        Assert.Contains("matrix.yaml:8:", e.Message, StringComparison.Ordinal);
        Assert.Contains("'publish.tag' uses {python}", e.Message, StringComparison.Ordinal);
        // One Python selected: both are fine again.
        Assert.Equal(["3.12"], Resolve(yaml, python: "3.12").Pythons);
    }
}
