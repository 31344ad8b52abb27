using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Recipes.Loading;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Recipes;

public sealed class BuiltInRecipeTests
{
    internal static string ProjectRoot { get; } = ProjectFiles.Root;

    internal static string RecipesDirectory => Path.Combine(ProjectRoot, "recipes");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var recipe in RecipeLoader.ListBuiltIn(RecipesDirectory))
        {
            data.Add(recipe.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_built_in_recipe_loads_without_problems(string name)
    {
        var recipe = RecipeLoader.Load(name, [], RecipesDirectory);

        Assert.Equal(name, recipe.Name);
        Assert.NotEmpty(recipe.Description);
        Assert.Equal(Path.Combine(RecipesDirectory, name + ".yaml"), recipe.Files[^1]);
    }

    [Fact]
    public void The_built_in_list_has_the_documented_recipes_with_descriptions()
    {
        var list = RecipeLoader.ListBuiltIn(RecipesDirectory);

        Assert.Equal(
            ["base", "linux-aarch64", "linux-x86_64", "macos-arm64", "macos-arm64-accelerate", "macos-arm64-tf216", "macos-x86_64"],
            list.Select(r => r.Name));
        Assert.All(list, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }

    [Fact]
    public void Macos_arm64_builds_tf_2_20_for_apple_silicon_with_the_release_config()
    {
        var recipe = RecipeLoader.Load("macos-arm64", [], RecipesDirectory);

        Assert.Equal("https://github.com/tensorflow/tensorflow.git", recipe.Tensorflow.Repository);
        Assert.Equal("v2.20.0", recipe.Tensorflow.Ref);
        Assert.True(recipe.Tensorflow.UsesWheelTarget);
        Assert.Equal("3.12", recipe.Python);
        Assert.Equal("macosx_12_0_arm64", recipe.Target.PlatformTag);
        Assert.Equal(["release_macos_arm64"], recipe.Bazel.Configs);
        Assert.Equal("7.4.1", recipe.Bazel.Version);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["HERMETIC_PYTHON_VERSION"] = "3.12",
                ["MACOSX_DEPLOYMENT_TARGET"] = "12.0",
                ["USE_PYWRAP_RULES"] = "True",
                ["WHEEL_NAME"] = "tensorflow",
            },
            recipe.Bazel.RepoEnv);
        Assert.Equal(["arm64"], recipe.Verify.Archs);
        Assert.Equal([RecipeBase(), Path.Combine(RecipesDirectory, "macos-arm64.yaml")], recipe.Files);
    }

    [Fact]
    public void Accelerate_recipe_extends_macos_arm64_with_an_existing_absolute_patch()
    {
        var recipe = RecipeLoader.Load("macos-arm64-accelerate", [], RecipesDirectory);

        Assert.True(recipe.Accelerate.Enabled);
        Assert.Equal(AccelerateMode.Contraction, recipe.Accelerate.Mode);
        var patch = Assert.Single(recipe.Patches);
        Assert.Equal(Path.Combine(ProjectRoot, "patches", "tf-2.20", "0001-accelerate-contraction.patch"), patch);
        Assert.True(File.Exists(patch));
        Assert.Equal(["Accelerate"], recipe.Verify.RequireFrameworks);
        Assert.Equal(["release_macos_arm64"], recipe.Bazel.Configs);
        Assert.Equal(3, recipe.Files.Count);
        Assert.Equal(
            ["--define=tensorflow_mkldnn_contraction_kernel=0", "--define=tensorflow_accelerate_contraction_kernel=1"],
            AccelerateOptions.BazelOptions(recipe.Accelerate));
    }

    [Fact]
    public void Tf_2_16_recipe_uses_the_build_pip_package_path_and_tf_python_version()
    {
        var recipe = RecipeLoader.Load("macos-arm64-tf216", [], RecipesDirectory);

        Assert.False(recipe.Tensorflow.UsesWheelTarget);
        Assert.Equal("6.5.0", recipe.Bazel.Version);
        Assert.Equal("3.12", recipe.Bazel.RepoEnv["TF_PYTHON_VERSION"]);
    }

    [Theory]
    [InlineData("linux-x86_64", TargetOs.Linux, TargetArch.X86_64, "manylinux_2_17_x86_64")]
    [InlineData("linux-aarch64", TargetOs.Linux, TargetArch.Aarch64, "manylinux_2_17_aarch64")]
    [InlineData("macos-x86_64", TargetOs.Macos, TargetArch.X86_64, "macosx_10_15_x86_64")]
    public void Platform_recipes_target_their_platform(string name, TargetOs os, TargetArch arch, string tag)
    {
        var recipe = RecipeLoader.Load(name, [], RecipesDirectory);

        Assert.Equal(os, recipe.Target.Os);
        Assert.Equal(arch, recipe.Target.Arch);
        Assert.Equal(tag, recipe.Target.PlatformTag);
        Assert.Equal([recipe.Target.ArchTag], recipe.Verify.Archs);
    }

    [Fact]
    public void The_accelerate_patch_is_a_well_formed_git_patch_for_the_contraction_header()
    {
        var patch = Path.Combine(ProjectRoot, "patches", "tf-2.20", "0001-accelerate-contraction.patch");
        var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["apply", "--numstat", patch])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();

        Assert.True(git.ExitCode == 0, error);
        // TF 2.17+ path (third_party/xla/xla/tsl/...): the header, and the BUILD that scopes the define and linkopts.
        Assert.Equal(
            "26\t0\tthird_party/xla/xla/tsl/framework/contraction/BUILD\n82\t1\tthird_party/xla/xla/tsl/framework/contraction/eigen_contraction_kernel.h\n",
            output);
        var text = File.ReadAllText(patch);
        Assert.Contains("+#include <vecLib/cblas.h>", text);
        Assert.Contains("+    name = \"accelerate_contraction_kernel\",", text);
        Assert.Contains("+    linkopts = select({", text);
    }

    private static string RecipeBase() => Path.Combine(RecipesDirectory, "base.yaml");
}
