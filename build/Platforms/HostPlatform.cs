using System.Runtime.InteropServices;

namespace Tfwheel.Platforms;

/// <summary>The OS and CPU this process runs on, spelled as wheel tags spell them.</summary>
/// <param name="Os">"macos", "linux" or "windows".</param>
/// <param name="Arch">"arm64" (macOS), "aarch64" (Linux), "x86_64".</param>
public sealed record HostPlatform(string Os, string Arch)
{
    public static HostPlatform Current
    {
        get
        {
            var os = OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsLinux() ? "linux" : "windows";
            var arch = RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => os == "macos" ? "arm64" : "aarch64",
                Architecture.X64 => "x86_64",
                var other => other.ToString().ToLowerInvariant(),
            };
            return new HostPlatform(os, arch);
        }
    }

    /// <summary>Whether a binary for <paramref name="arch"/> runs natively here (arm64 and aarch64 are the same CPU).</summary>
    public bool CanRunNatively(string arch) => Normalize(arch) == Normalize(Arch);

    /// <summary>arm64 and aarch64 name the same CPU (macOS and Linux spellings).</summary>
    public static string Normalize(string arch) => arch is "arm64" or "aarch64" ? "arm64" : arch;
}
