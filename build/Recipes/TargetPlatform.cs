using Tfwheel.Platforms;

namespace Tfwheel.Recipes;

/// <summary>What the wheel runs on.</summary>
/// <param name="MinOs">macOS: the deployment target, "12.0". Linux: the glibc floor of the manylinux tag, "2.17", or null for linux_*.</param>
public sealed record TargetPlatform(TargetOs Os, TargetArch Arch, string? MinOs)
{
    /// <summary>
    /// target.cpu: the CPU the wheel's code may assume, a Verify.Binaries.CpuTargets name ("apple-m1", "x86-64-v2+avx").
    /// The recipe loader fills the platform's baseline when the recipe names none; null (a record built in code)
    /// means no compiler flag and Verify's platform baseline.
    /// </summary>
    public string? Cpu { get; init; }

    /// <summary>
    /// <see cref="MinOs"/> as a version ("12" reads as 12.0): the one place tfwheel parses it; the recipe
    /// loader has already refused anything that is not a version, with file:line.
    /// </summary>
    public Version? MinOsVersion => MinOs is null ? null : Version.Parse(MinOs.Contains('.') ? MinOs : MinOs + ".0");

    /// <summary>"macos" or "linux", as recipes write it and as Verify, Doctor and the host checks compare it.</summary>
    public string OsName => RecipeEnums.Text(Os);

    /// <summary>The architecture as it appears in a wheel tag and in <c>platform.machine()</c>.</summary>
    public string ArchTag => Arch switch
    {
        TargetArch.Arm64 => "arm64",
        TargetArch.X86_64 => "x86_64",
        TargetArch.Aarch64 => "aarch64",
        _ => throw new ArgumentOutOfRangeException(nameof(Arch), Arch, null),
    };

    /// <summary>The wheel platform tag this target should produce: macosx_12_0_arm64, manylinux_2_17_x86_64, linux_x86_64.</summary>
    public string PlatformTag => Os switch
    {
        TargetOs.Macos => $"macosx_{(MinOs ?? "11.0").Replace('.', '_')}_{ArchTag}",
        TargetOs.Linux when MinOs is not null => $"manylinux_{MinOs.Replace('.', '_')}_{ArchTag}",
        _ => $"linux_{ArchTag}",
    };
}
