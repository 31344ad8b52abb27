using Tfwheel.Platforms;

namespace Tfwheel.Recipes;

/// <summary>
/// The platform tags a target's wheel carries at each step. Bazel names the wheel as
/// tensorflow/tools/pip_package/utils/tf_wheel.bzl does (tensorflow/tensorflow@0bd8499d): on macOS
/// macosx_{MACOSX_DEPLOYMENT_TARGET}_{arch}, on Linux always linux_{arch}, whatever glibc floor the
/// recipe promises. A manylinux tag is a repair of that wheel (TF's CI runs auditwheel repair --plat
/// manylinux2014_{arch}: ci/official/utilities/rename_and_verify_wheels.sh@0b1c40d4), which tfwheel's
/// Repair stage does after Verify.
/// </summary>
public static class TargetWheelTags
{
    /// <summary>The tag bazel's wheel has: macosx_12_0_arm64, linux_x86_64, linux_aarch64.</summary>
    public static string Built(TargetPlatform target) =>
        target.Os == TargetOs.Linux ? $"linux_{target.ArchTag}" : target.PlatformTag;

    /// <summary>Whether Repair retags this target's wheel: a Linux target with a glibc floor.</summary>
    public static bool NeedsRepair(TargetPlatform target) => target is { Os: TargetOs.Linux, MinOs: not null };

    /// <summary>
    /// The tag the wheel leaves the pipeline with. A repaired Linux wheel carries the PEP 600 tag and
    /// its legacy alias when there is one, as auditwheel writes it:
    /// manylinux_2_17_x86_64.manylinux2014_x86_64.
    /// </summary>
    public static string Final(TargetPlatform target) =>
        NeedsRepair(target) ? Manylinux(target.MinOs!, target.ArchTag) : target.PlatformTag;

    /// <summary>
    /// The policy's tag set (manylinux_2_17_x86_64.manylinux2014_x86_64); for a floor tfwheel has no policy
    /// for (Repair refuses it), the PEP 600 tag alone.
    /// </summary>
    public static string Manylinux(string glibcFloor, string arch) =>
        ManylinuxPolicies.ForFloor(glibcFloor)?.PlatformTag(arch) ?? $"manylinux_{glibcFloor.Replace('.', '_')}_{arch}";
}
