using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Recipes;

public class RecipeResolverTests
{
    private static Recipe Resolve(BuildOptions options, string? bazel = null) =>
        RecipeResolver.Resolve(options, ProjectFiles.Root, new HostPlatform("macos", "arm64"), bazel);

    [Fact]
    public void Without_recipe_the_hosts_own_recipe_is_used()
    {
        Assert.Equal("macos-arm64", Resolve(new BuildOptions()).Name);
        Assert.Equal("linux-x86_64", RecipeResolver.DefaultFor(new HostPlatform("linux", "x86_64")));
        Assert.Equal("linux-aarch64", RecipeResolver.DefaultFor(new HostPlatform("linux", "aarch64")));
    }

    [Fact]
    public void A_python_version_flag_overrides_the_recipe_after_set()
    {
        var recipe = Resolve(new BuildOptions { Recipe = "macos-arm64", Sets = ["python=3.11"], Python = "3.13" });

        Assert.Equal("3.13", recipe.Python);
        Assert.Equal("3.13", recipe.Bazel.RepoEnv["HERMETIC_PYTHON_VERSION"]);
    }

    [Fact]
    public void A_python_interpreter_path_leaves_the_recipe_alone()
    {
        Assert.Equal("3.12", Resolve(new BuildOptions { Recipe = "macos-arm64", Python = "/opt/homebrew/bin/python3.12" }).Python);
    }

    [Fact]
    public void The_bazel_environment_variable_overrides_the_recipes_executable()
    {
        Assert.Equal("/usr/local/bin/bazelisk", Resolve(new BuildOptions { Recipe = "macos-arm64" }, "/usr/local/bin/bazelisk").Bazel.Executable);
        Assert.Equal("bazel", Resolve(new BuildOptions { Recipe = "macos-arm64" }).Bazel.Executable);
    }

    [Fact]
    public void A_set_without_equals_is_a_recipe_error_naming_set()
    {
        var e = Assert.Throws<RecipeException>(() => Resolve(new BuildOptions { Recipe = "macos-arm64", Sets = ["python"] }));

        Assert.Contains("--set", e.Message);
    }
}
