using Tfwheel.Platforms;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// TensorFlow's platform-specific .bazelrc configs (tensorflow/tensorflow .bazelrc, see
/// design/facts/TENSORFLOW.md section 1) and the OS/architecture each builds for. Configure later checks
/// that every config exists in the fetched tree; this catches the wrong platform before anything runs.
/// </summary>
internal static class KnownConfigs
{
    private static readonly Dictionary<string, (TargetOs Os, TargetArch? Arch)> Platforms = new(StringComparer.Ordinal)
    {
        ["macos"] = (TargetOs.Macos, null),
        ["macos_arm64"] = (TargetOs.Macos, TargetArch.Arm64),
        ["release_macos_base"] = (TargetOs.Macos, null),
        ["release_macos_arm64"] = (TargetOs.Macos, TargetArch.Arm64),
        ["release_macos_x86"] = (TargetOs.Macos, TargetArch.X86_64),
        ["release_cpu_macos"] = (TargetOs.Macos, TargetArch.X86_64),
        ["tf_public_macos_cache"] = (TargetOs.Macos, null),
        ["tf_public_macos_cache_push"] = (TargetOs.Macos, null),
        ["cross_compile_macos_x86"] = (TargetOs.Macos, TargetArch.X86_64),
        ["linux"] = (TargetOs.Linux, null),
        ["linux_arm64"] = (TargetOs.Linux, TargetArch.Aarch64),
        ["release_linux_base"] = (TargetOs.Linux, null),
        ["release_cpu_linux"] = (TargetOs.Linux, TargetArch.X86_64),
        ["release_arm64_linux"] = (TargetOs.Linux, TargetArch.Aarch64),
        ["mkl_aarch64"] = (TargetOs.Linux, TargetArch.Aarch64),
        ["mkl_aarch64_threadpool"] = (TargetOs.Linux, TargetArch.Aarch64),
        ["cross_compile_linux_arm64"] = (TargetOs.Linux, TargetArch.Aarch64),
        ["avx_linux"] = (TargetOs.Linux, TargetArch.X86_64),
        ["cuda"] = (TargetOs.Linux, null),
        ["rocm"] = (TargetOs.Linux, null),
    };

    /// <summary>A message when <paramref name="config"/> builds for another platform than <paramref name="target"/>; otherwise null.</summary>
    public static string? Mismatch(string config, TargetPlatform target)
    {
        if (!Platforms.TryGetValue(config, out var platform))
        {
            return null;
        }

        // release_cpu_macos pulls in avx_linux for Intel Macs: the one config shared across OSes.
        var osMatches = platform.Os == target.Os || (config == "avx_linux" && target.Arch == TargetArch.X86_64);
        var archMatches = platform.Arch is null || platform.Arch == target.Arch;
        if (osMatches && archMatches)
        {
            return null;
        }

        var builds = platform.Arch is { } arch ? $"{RecipeEnums.Text(platform.Os)} {RecipeEnums.Text(arch)}" : RecipeEnums.Text(platform.Os);
        var fitting = Platforms
            .Where(p => p.Value.Os == target.Os && (p.Value.Arch is null || p.Value.Arch == target.Arch) && p.Key.StartsWith("release_", StringComparison.Ordinal))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal);
        return $"config '{config}' builds for {builds}, but the target is {RecipeEnums.Text(target.Os)} {RecipeEnums.Text(target.Arch)}"
            + $" (configs for this target: {string.Join(", ", fitting)})";
    }
}
