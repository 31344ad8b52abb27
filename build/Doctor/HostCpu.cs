using Tfwheel.Verify.Binaries;

namespace Tfwheel.Doctor;

/// <summary>
/// The instruction-set features a CPU offers, in the audit's names (<see cref="IsaFeatures"/>), read from what the
/// OS says: Linux /proc/cpuinfo ("flags" on x86, "Features" on arm64), macOS <c>sysctl hw.optional</c> and
/// <c>machdep.cpu.features</c>/<c>leaf7_features</c>/<c>extfeatures</c>.
/// </summary>
/// <param name="Source">Where the features came from, for messages: "/proc/cpuinfo", "sysctl", "Rosetta 2 on macOS 14.5".</param>
public sealed record HostCpu(IsaFeatures Family, ulong Features, string Source)
{
    /// <summary>Input beyond this is ignored: the first processor's block is all that is read.</summary>
    public const int MaxText = 1 << 20;

    public bool Has(string feature) => (Features & Family.Bit(feature)) != 0;

    /// <summary>The CPU described by /proc/cpuinfo or sysctl output, for an image of <paramref name="arch"/>; null when the text names no feature line.</summary>
    public static HostCpu? Parse(string text, string arch, string source)
    {
        if (IsaFeatures.ForArch(arch) is not { } family)
        {
            return null;
        }

        var names = family == IsaFeatures.X86 ? HostCpuNames.X86 : HostCpuNames.Arm64;
        var mask = 0UL;
        var seen = false;
        var cpuinfoRead = false;
        foreach (var line in text[..Math.Min(text.Length, MaxText)].Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key is "flags" or "Features" or "machdep.cpu.features" or "machdep.cpu.leaf7_features" or "machdep.cpu.extfeatures")
            {
                // /proc/cpuinfo repeats the block per processor; the first one speaks for all (Linux keeps them equal).
                if (key is "flags" or "Features")
                {
                    if (cpuinfoRead)
                    {
                        continue;
                    }

                    cpuinfoRead = true;
                }

                seen = true;
                mask |= family.Mask(value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => names.GetValueOrDefault(t)).OfType<string>());
            }
            else if (key.StartsWith("hw.optional.", StringComparison.Ordinal) && value == "1" && names.GetValueOrDefault(key["hw.optional.".Length..]) is { } feature)
            {
                seen = true;
                mask |= family.Bit(feature);
            }
        }

        return seen ? new HostCpu(family, mask, source) : null;
    }
}
