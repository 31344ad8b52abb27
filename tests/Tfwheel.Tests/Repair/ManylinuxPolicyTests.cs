using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Tests.Recipes;

namespace Tfwheel.Tests.Repair;

/// <summary>The policy facts copied from auditwheel's manylinux-policy.json, and the tags they give a target.</summary>
public sealed class ManylinuxPolicyTests : IDisposable
{
    private readonly RecipeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(TargetOs.Linux, TargetArch.X86_64, "2.17", "linux_x86_64", "manylinux_2_17_x86_64.manylinux2014_x86_64")]
    [InlineData(TargetOs.Linux, TargetArch.Aarch64, "2.17", "linux_aarch64", "manylinux_2_17_aarch64.manylinux2014_aarch64")]
    [InlineData(TargetOs.Linux, TargetArch.X86_64, "2.28", "linux_x86_64", "manylinux_2_28_x86_64")]
    [InlineData(TargetOs.Linux, TargetArch.X86_64, null, "linux_x86_64", "linux_x86_64")]
    [InlineData(TargetOs.Macos, TargetArch.Arm64, "12.0", "macosx_12_0_arm64", "macosx_12_0_arm64")]
    public void Bazel_names_linux_wheels_linux_arch_and_repair_gives_the_pep_600_tag_with_its_legacy_alias(TargetOs os, TargetArch arch, string? minOs, string built, string final)
    {
        var target = new TargetPlatform(os, arch, minOs);

        Assert.Equal(built, TargetWheelTags.Built(target));
        Assert.Equal(final, TargetWheelTags.Final(target));
    }

    [Fact]
    public void Manylinux2014_allows_glibc_2_18_on_aarch64_but_not_on_x86_64_as_auditwheels_policy_lists()
    {
        var policy = ManylinuxPolicies.ForFloor("2.17")!;

        Assert.True(policy.Allows("aarch64", "GLIBC_", new Version(2, 18)));
        Assert.False(policy.Allows("x86_64", "GLIBC_", new Version(2, 18)));
        Assert.False(policy.Allows("x86_64", "GLIBCXX_", new Version(3, 4, 20)));
        Assert.False(policy.IsSystemLibrary("libmvec.so.1"));
        Assert.True(ManylinuxPolicies.ForFloor("2.24")!.IsSystemLibrary("libmvec.so.1"));
    }

    [Fact]
    public void A_linux_glibc_floor_without_a_manylinux_policy_is_a_recipe_error_at_its_line()
    {
        _workspace.Write("x", """
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target: { os: linux, arch: x86_64, min-os: "2.29" }
            """);

        RecipeWorkspace.AssertProblems(
            [$"{_workspace.File("x")}:3:44: 'target.min-os' 2.29 is not a manylinux glibc floor tfwheel has a policy for (2.17, 2.24, 2.26, 2.27, 2.28, 2.31); TensorFlow releases use 2.17 (manylinux2014)"],
            _workspace.Problems("x"));
    }
}
