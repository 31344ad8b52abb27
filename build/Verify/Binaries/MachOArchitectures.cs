namespace Tfwheel.Verify.Binaries;

/// <summary>CPU type and subtype to the names wheel tags and lipo use (values from xnu osfmk/mach/machine.h).</summary>
internal static class MachOArchitectures
{
    public const uint CpuTypeX86 = 7;
    public const uint CpuTypeX86_64 = 0x01000007;
    public const uint CpuTypeArm = 12;
    public const uint CpuTypeArm64 = 0x0100000C;
    public const uint CpuTypeArm64_32 = 0x0200000C;

    /// <summary>A CPU type machine.h defines for a Mach-O platform (what a real fat slice carries).</summary>
    public static bool IsKnown(uint cpuType) => cpuType is CpuTypeX86 or CpuTypeX86_64 or CpuTypeArm or CpuTypeArm64 or CpuTypeArm64_32 or 18 or 0x01000012;

    public static string Name(uint cpuType, uint cpuSubtype)
    {
        // The subtype's top byte holds capability bits (CPU_SUBTYPE_MASK 0xff000000): mask before comparing.
        var sub = cpuSubtype & 0x00FFFFFF;
        return cpuType switch
        {
            CpuTypeArm64 => sub == 2 ? "arm64e" : "arm64",
            CpuTypeX86_64 => sub == 8 ? "x86_64h" : "x86_64",
            CpuTypeX86 => "i386",
            CpuTypeArm => "arm",
            CpuTypeArm64_32 => "arm64_32",
            18 => "ppc",
            0x01000012 => "ppc64",
            _ => $"cpu-0x{cpuType:x}-{sub}",
        };
    }
}
