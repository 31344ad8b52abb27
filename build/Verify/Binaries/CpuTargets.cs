using Tfwheel.Errors;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// The CPUs a wheel can be held to, as the features of <see cref="IsaFeatures"/> each guarantees.
/// A name may add features the gcc way: <c>armv8.2-a+dotprod+fp16</c>, <c>x86-64-v2+avx</c>.
/// Sources: x86-64 psABI (gitlab.com/x86-psABIs/x86-64-ABI, "Micro-architecture levels");
/// Arm ARM DDI 0487 (which FEAT_* each Armv8.x/v9.x makes mandatory) and gcc's -march=armv8.x-a
/// (gcc/config/aarch64/aarch64-arches.def); Apple cores as LLVM defines them
/// (llvm/llvm-project llvm/lib/Target/AArch64/AArch64Processors.td @ 001224ab375822a17fd73b024a8ea4903e283982:
/// apple-m1 = AppleA14, apple-m2 = AppleA15, apple-m3 = AppleA16, apple-m4 = AppleM4).
/// </summary>
public static class CpuTargets
{
    private static readonly string[] V2 = ["cx16", "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3"];
    private static readonly string[] V3 = [.. V2, "avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "lzcnt", "movbe"];
    private static readonly string[] V4 = [.. V3, "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"];
    private static readonly string[] A81 = ["crc", "lse", "rdm"];
    private static readonly string[] A83 = [.. A81, "rcpc", "jscvt", "fcma"];
    private static readonly string[] A84 = [.. A83, "dotprod"];
    private static readonly string[] A86 = [.. A84, "bf16", "i8mm"];
    private static readonly string[] M1 = [.. A84, "fp16", "aes", "sha2", "sha3"];
    private static readonly string[] M2 = [.. M1, "bf16", "i8mm"];

    private static readonly Dictionary<string, (IsaFeatures Family, string[] Features)> Known = new(StringComparer.Ordinal)
    {
        ["x86-64"] = (IsaFeatures.X86, []),
        ["x86-64-v2"] = (IsaFeatures.X86, V2),
        ["x86-64-v3"] = (IsaFeatures.X86, V3),
        ["x86-64-v4"] = (IsaFeatures.X86, V4),
        ["armv8-a"] = (IsaFeatures.Arm64, []),
        ["armv8.1-a"] = (IsaFeatures.Arm64, A81),
        ["armv8.2-a"] = (IsaFeatures.Arm64, A81),
        ["armv8.3-a"] = (IsaFeatures.Arm64, A83),
        ["armv8.4-a"] = (IsaFeatures.Arm64, A84),
        ["armv8.5-a"] = (IsaFeatures.Arm64, A84),
        ["armv8.6-a"] = (IsaFeatures.Arm64, A86),
        ["armv9-a"] = (IsaFeatures.Arm64, [.. A84, "sve", "sve2"]),
        ["apple-m1"] = (IsaFeatures.Arm64, M1),
        ["apple-m2"] = (IsaFeatures.Arm64, M2),
        ["apple-m3"] = (IsaFeatures.Arm64, M2),
        ["apple-m4"] = (IsaFeatures.Arm64, [.. M2, "sme"]),
    };

    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>
    /// The highest level a CPU with <paramref name="features"/> has every feature of: a psABI level for x86, an
    /// Armv8.x level for Arm (the Apple names also stand for a chip, which a feature list does not tell).
    /// </summary>
    public static string Highest(IsaFeatures family, ulong features)
    {
        string[] ladder = family == IsaFeatures.X86
            ? ["x86-64-v4", "x86-64-v3", "x86-64-v2", "x86-64"]
            : ["armv8.6-a", "armv8.4-a", "armv8.3-a", "armv8.2-a", "armv8-a"];
        return ladder.First(name => (family.Mask(Known[name].Features) & ~features) == 0);
    }

    /// <summary>
    /// The platform's baseline: x86-64 for Linux x86_64, x86-64-v2 for macOS x86_64 (Rosetta 2 translates up to
    /// SSE4.2 and POPCNT, and Rust and clang target Penryn-or-later Macs by default), apple-m1 for macOS
    /// arm64, armv8-a for Linux aarch64.
    /// </summary>
    public static string DefaultFor(string os, string arch)
    {
        var macho = os == "macos" || arch.StartsWith("arm64", StringComparison.Ordinal) || arch == "x86_64h";
        return IsaFeatures.ForArch(arch) == IsaFeatures.X86 ? (macho ? "x86-64-v2" : "x86-64") : macho ? "apple-m1" : "armv8-a";
    }

    /// <exception cref="UsageException">An unknown name or feature.</exception>
    public static CpuTarget Parse(string spec)
    {
        var parts = spec.Trim().Split('+');
        if (!Known.TryGetValue(parts[0], out var known))
        {
            throw new UsageException($"cpu '{spec}': unknown name '{parts[0]}'. Use one of {string.Join(", ", Known.Keys)}, optionally with +feature (e.g. armv8.2-a+dotprod).");
        }

        var extra = parts.Skip(1).SelectMany(f => f == "crypto" && known.Family == IsaFeatures.Arm64 ? ["aes", "sha2"] : new[] { f }).ToList();
        if (extra.FirstOrDefault(f => !known.Family.Knows(f)) is { } bad)
        {
            throw new UsageException($"cpu '{spec}': '{bad}' is not a {known.Family.Family} feature the audit knows. Use one of {string.Join(", ", known.Family.Names)}.");
        }

        return new CpuTarget(spec.Trim(), known.Family, known.Family.Mask(known.Features.Concat(extra)));
    }

    /// <summary>The cpu to hold an image of <paramref name="arch"/> to: the first of <paramref name="requested"/> of its family, else the platform's baseline.</summary>
    public static CpuTarget? For(IReadOnlyList<string> requested, string os, string arch)
    {
        var family = IsaFeatures.ForArch(arch);
        if (family is null)
        {
            return null;
        }

        return requested.Select(Parse).FirstOrDefault(c => c.Family == family) ?? Parse(DefaultFor(os, arch));
    }
}

/// <param name="Features">Mask over <see cref="IsaFeatures"/> of <paramref name="Family"/>.</param>
public sealed record CpuTarget(string Name, IsaFeatures Family, ulong Features)
{
    public bool Has(string feature) => (Features & Family.Bit(feature)) != 0;
}
