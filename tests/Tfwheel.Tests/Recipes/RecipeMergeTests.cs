using Tfwheel.Recipes;
using Tfwheel.Recipes.Loading;

namespace Tfwheel.Tests.Recipes;

public sealed class RecipeMergeTests : IDisposable
{
    private readonly RecipeWorkspace _workspace = new();

    public RecipeMergeTests()
    {
        _workspace.Write("parent", RecipeWorkspace.Minimal + """

            description: the parent
            bazel:
              configs: [release_macos_arm64, macos]
              jobs: "4"
              repo-env: { HERMETIC_PYTHON_VERSION: "{python}", WHEEL_NAME: tensorflow }
            smoke: { workloads: [add, matmul], timeout-seconds: 120 }
            """);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Maps_merge_deeply_lists_replace_and_scalars_replace()
    {
        _workspace.Write("child", """
            extends: parent
            bazel:
              configs: [macos]
              repo-env: { WHEEL_NAME: tensorflow_cpu }
            smoke: { timeout-seconds: 60 }
            """);

        var recipe = _workspace.Load("child");

        Assert.Equal(["macos"], recipe.Bazel.Configs);
        Assert.Equal("4", recipe.Bazel.Jobs);
        Assert.Equal(new Dictionary<string, string> { ["HERMETIC_PYTHON_VERSION"] = "3.12", ["WHEEL_NAME"] = "tensorflow_cpu" }, recipe.Bazel.RepoEnv);
        Assert.Equal(["add", "matmul"], recipe.Smoke.Workloads);
        Assert.Equal(60, recipe.Smoke.TimeoutSeconds);
    }

    [Fact]
    public void Name_defaults_to_the_file_name_and_is_not_inherited_files_list_root_first()
    {
        _workspace.Write("parent2", "extends: parent\nname: custom-parent\n");
        _workspace.Write("child", "extends: parent2\n");

        var recipe = _workspace.Load("child");

        Assert.Equal("child", recipe.Name);
        Assert.Equal("", recipe.Description);
        Assert.Equal([_workspace.File("parent"), _workspace.File("parent2"), _workspace.File("child")], recipe.Files);
        Assert.Equal("custom-parent", _workspace.Load("parent2").Name);
    }

    [Fact]
    public void Built_in_defaults_fill_keys_no_layer_sets()
    {
        var recipe = _workspace.Load("parent");

        Assert.Equal("bazel", recipe.Bazel.Executable);
        Assert.Equal(RemoteDownload.Toplevel, recipe.Bazel.Remote.Download);
        Assert.Equal("tf-standard-pipeline", recipe.Mlir.PassPipeline);
        Assert.True(recipe.Mlir.CrashReproducers);
        Assert.Equal(new VerifySettings().MaxSizeMb, recipe.Verify.MaxSizeMb);
        Assert.Equal("tf-{tensorflow.version}-{name}", recipe.Publish.Tag);
    }

    [Fact]
    public void Extends_by_relative_path_resolves_against_the_extending_file()
    {
        _workspace.Write("custom/mine.yaml", "extends: ../recipes/parent.yaml\npython: \"3.11\"\n");

        var recipe = RecipeLoader.Load(Path.Combine(_workspace.Root, "custom", "mine.yaml"), [], _workspace.RecipesDirectory);

        Assert.Equal("mine", recipe.Name);
        Assert.Equal("3.11", recipe.Python);
        Assert.Equal("3.11", recipe.Bazel.RepoEnv["HERMETIC_PYTHON_VERSION"]);
    }

    [Fact]
    public void Extends_cycle_is_reported_with_the_whole_chain()
    {
        _workspace.Write("a", "extends: b\n");
        _workspace.Write("b", "extends: c.yaml\n");
        _workspace.Write("c", "extends: a\npython: \"3.12\"\n");

        RecipeWorkspace.AssertProblems(
            [$"{_workspace.File("c")}:1:10: extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml; a recipe cannot extend itself through its chain"],
            _workspace.Problems("a"));
    }

    [Fact]
    public void Extends_of_a_missing_recipe_suggests_a_close_name()
    {
        _workspace.Write("x", "extends: parnet\n");

        RecipeWorkspace.AssertProblems(
            [$"{_workspace.File("x")}:1:10: extends 'parnet': no recipe of that name in {_workspace.RecipesDirectory} (did you mean 'parent'?)"],
            _workspace.Problems("x"));
    }

    [Fact]
    public void Precedence_is_defaults_then_chain_then_sets_then_flags()
    {
        _workspace.Write("child", "extends: parent\nbazel: { jobs: \"6\" }\n");

        var recipe = _workspace.Load(
            "child",
            RecipeWorkspace.Set("bazel.jobs=8"),
            RecipeWorkspace.Set("python=3.11"),
            RecipeWorkspace.Set("bazel.configs=[macos, release_macos_arm64]"),
            new RecipeOverride("--python", "python", "3.13"));

        Assert.Equal("8", recipe.Bazel.Jobs);
        Assert.Equal("3.13", recipe.Python);
        Assert.Equal("3.13", recipe.Bazel.RepoEnv["HERMETIC_PYTHON_VERSION"]);
        Assert.Equal(["macos", "release_macos_arm64"], recipe.Bazel.Configs);
        Assert.Equal("bazel", recipe.Bazel.Executable);
    }

    [Fact]
    public void Set_is_typed_and_validated_like_the_file_and_names_its_source()
    {
        RecipeWorkspace.AssertProblems(
        [
            "--set pyhton: unknown key 'pyhton' (did you mean 'python'?)",
            "--set smoke.timeout-seconds: 'smoke.timeout-seconds' expects an integer, got 'long'",
            "--set bazel.configs: 'bazel.configs' expects a list of strings, got a scalar (write [value] for a list of one)",
            "--set extends: 'extends' cannot be overridden; name the recipe to load with --recipe instead",
            "--set name: recipe name '../../escape' must be letters, digits, '.', '_' and '-' (it names the artifacts folder); set name: or rename the file",
            "--min-os: 'target.min-os' 10.9 is below 11.0, the first macOS for arm64 (Apple silicon); use 11.0 or later (TensorFlow's release_macos_arm64 uses 12.0)",
            "--set bazel.remote.cache: 'bazel.remote.cache' contains credentials (user:password@ in a URL); the value is not shown. Remove them and pass credentials through bazel.remote.header-env or your git credential helper",
        ],
        _workspace.Problems(
            "parent",
            RecipeWorkspace.Set("pyhton=3.12"),
            RecipeWorkspace.Set("smoke.timeout-seconds=long"),
            RecipeWorkspace.Set("bazel.configs=macos"),
            RecipeWorkspace.Set("extends=base"),
            RecipeWorkspace.Set("name=../../escape"),
            RecipeWorkspace.Set("bazel.remote.cache=https://me:pw@cache.example.com"),
            new RecipeOverride("--min-os", "target.min-os", "10.9")));
    }

    [Fact]
    public void Set_without_an_equals_sign_is_a_recipe_problem()
    {
        var e = Assert.Throws<RecipeException>(() => RecipeOverride.ParseSet("python"));

        Assert.Equal("--set: expected key.path=value, got 'python'. Example: --set bazel.jobs=8", e.Message);
    }

    [Fact]
    public void Set_can_empty_a_list_and_a_string_and_unset_an_optional_value()
    {
        _workspace.Write("pinned", "extends: parent\ntensorflow: { commit: 0123456789abcdef0123456789abcdef01234567 }\n");

        var recipe = _workspace.Load(
            "pinned",
            RecipeWorkspace.Set("smoke.workloads=[]"),
            RecipeWorkspace.Set("wheel.version-suffix="),
            RecipeWorkspace.Set("tensorflow.commit=~"));

        Assert.Empty(recipe.Smoke.Workloads);
        Assert.Equal("", recipe.Wheel.VersionSuffix);
        Assert.Null(recipe.Tensorflow.Commit);
    }
}
