using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Verify;

namespace Tfwheel.Tests.Verify;

public sealed class VerifyRequirementsTests
{
    [Theory]
    [InlineData("tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl", "macos", "arm64", "12.0", false)]
    [InlineData("x-1.0-1build-cp312-cp312-macosx_11_0_universal2.whl", "macos", "arm64,x86_64", "11.0", true)]
    [InlineData("x-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "linux", "x86_64", "2.17", false)]
    [InlineData("x-1.0-cp312-cp312-manylinux2010_x86_64.whl", "linux", "x86_64", "2.12", false)]
    [InlineData("x-1.0-cp312-cp312-linux_aarch64.whl", "linux", "aarch64", null, false)]
    public void The_wheel_name_supplies_the_defaults(string name, string os, string archs, string? minOs, bool universal)
    {
        var r = VerifyRequirements.FromWheelFileName("dist/" + name);

        Assert.Equal(os, r.Os);
        Assert.Equal(archs, string.Join(",", r.Archs));
        Assert.Equal(minOs, r.MinOs?.ToString());
        Assert.Equal(universal, r.AllowUniversal);
    }

    [Fact]
    public void A_name_that_is_not_a_wheel_is_a_usage_error_saying_what_to_pass()
    {
        var e = Assert.Throws<UsageException>(() => VerifyRequirements.FromWheelFileName("dist/tensorflow.zip"));
        Assert.Contains("--recipe", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recipe_supplies_target_and_verify_settings_and_options_override_them()
    {
        var recipe = new Recipe
        {
            Name = "macos-arm64-accelerate",
            Python = "3.12",
            Tensorflow = new TensorflowSource("https://github.com/tensorflow/tensorflow", "v2.20.0", null, "2.20.0"),
            Target = new TargetPlatform(TargetOs.Macos, TargetArch.Arm64, "14.0"),
            Verify = new VerifySettings { RequireFrameworks = ["Accelerate"], MaxSizeMb = 700 },
        };

        var fromRecipe = VerifyRequirements.FromRecipe(recipe);
        var overridden = fromRecipe.WithOverrides(archs: ["arm64", "x86_64"], allowUniversal: true, maxSizeMb: 900);

        Assert.Equal(("macos", "arm64", "14.0", "Accelerate", 700, false),
            (fromRecipe.Os, string.Join(",", fromRecipe.Archs), fromRecipe.MinOs?.ToString(), string.Join(",", fromRecipe.RequireFrameworks), fromRecipe.MaxSizeMb, fromRecipe.AllowUniversal));
        Assert.Equal(("arm64,x86_64", true, 900, "Accelerate"),
            (string.Join(",", overridden.Archs), overridden.AllowUniversal, overridden.MaxSizeMb, string.Join(",", overridden.RequireFrameworks)));
    }
}
