using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Tests.Workflows;

/// <summary>
/// What a GitHub-hosted runner label runs on (GitHub docs, "GitHub-hosted runners": macos-14 and later are
/// Apple silicon, macos-13 and macos-15-intel are Intel, ubuntu-*-arm is 64-bit ARM). A label missing here
/// fails the test until it is added, rather than being guessed.
/// </summary>
internal static class RunnerLabels
{
    private static readonly Dictionary<string, (TargetOs Os, TargetArch Arch)> Labels = new(StringComparer.Ordinal)
    {
        ["macos-14"] = (TargetOs.Macos, TargetArch.Arm64),
        ["macos-15"] = (TargetOs.Macos, TargetArch.Arm64),
        ["macos-latest"] = (TargetOs.Macos, TargetArch.Arm64),
        ["macos-13"] = (TargetOs.Macos, TargetArch.X86_64),
        ["macos-15-intel"] = (TargetOs.Macos, TargetArch.X86_64),
        ["ubuntu-22.04"] = (TargetOs.Linux, TargetArch.X86_64),
        ["ubuntu-24.04"] = (TargetOs.Linux, TargetArch.X86_64),
        ["ubuntu-latest"] = (TargetOs.Linux, TargetArch.X86_64),
        ["ubuntu-22.04-arm"] = (TargetOs.Linux, TargetArch.Aarch64),
        ["ubuntu-24.04-arm"] = (TargetOs.Linux, TargetArch.Aarch64),
    };

    /// <summary>Null when the runner can build the target natively; otherwise why not.</summary>
    public static string? Misfit(string runner, TargetPlatform target)
    {
        if (!Labels.TryGetValue(runner, out var host))
        {
            return $"unknown runner label '{runner}' (add it to RunnerLabels with its OS and CPU)";
        }

        return host == (target.Os, target.Arch) ? null : $"runner {runner} is {host.Os}/{host.Arch}, the recipe targets {target.Os}/{target.Arch}";
    }
}
