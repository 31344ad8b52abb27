using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Compile;

/// <summary>
/// Whether this host can build the recipe's target. TensorFlow has no supported cross-compile to
/// macOS arm64 (docs/facts/TENSORFLOW.md section 1: no cross_compile_macos_arm64 config), so a wheel is built on
/// its own OS and CPU; this fails fast instead of failing an hour into bazel.
/// </summary>
public static class HostRequirement
{
    public static void EnsureCanBuild(Recipe recipe, HostPlatform host)
    {
        var target = recipe.Target;
        var wantOs = target.OsName;
        if (host.Os == wantOs && host.CanRunNatively(target.ArchTag))
        {
            return;
        }

        var where = (target.Os, target.Arch) switch
        {
            (TargetOs.Macos, TargetArch.Arm64) => "an Apple-silicon Mac (macOS 12 or later, Xcode command line tools) or a GitHub Actions 'macos-14' runner",
            (TargetOs.Macos, _) => "an Intel Mac or a GitHub Actions 'macos-13' runner",
            (TargetOs.Linux, TargetArch.X86_64) => "an x86_64 Linux machine or a GitHub Actions 'ubuntu-24.04' runner",
            _ => "an aarch64 Linux machine or a GitHub Actions 'ubuntu-24.04-arm' runner",
        };
        throw new HostException(
            $"Configure: recipe '{recipe.Name}' builds a {target.PlatformTag} wheel, which needs a {wantOs}/{target.ArchTag} host, " +
            $"but this is {host.Os}/{host.Arch}. Run it on {where}; 'Plan' shows what it would run from here.");
    }
}
