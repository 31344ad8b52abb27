namespace Tfwheel.Verify.Binaries;

/// <summary>
/// The instruction-set features the audit tells apart, one bit each in a <see cref="ulong"/> mask, per
/// architecture family. Names follow the compilers' spelling (gcc/clang -m/-march feature names) so a
/// finding reads like the flag that caused it. Bit 63 is not a feature: it marks code that asks the CPU
/// what it has (x86 CPUID/XGETBV, arm64 MRS of an ID_AA64* register), the mark of runtime dispatch.
/// </summary>
public sealed class IsaFeatures
{
    public const ulong CpuCheck = 1UL << 63;

    /// <summary>x86-64, in psABI level order (x86-64-ABI "Micro-architecture levels"), then extensions outside the levels.</summary>
    public static readonly IsaFeatures X86 = new("x86", [
        "cx16", "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3",
        "avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "lzcnt", "movbe",
        "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl",
        "avx512vnni", "avx512bf16", "avx512fp16", "avx512ifma", "avx512vbmi", "avx512vbmi2", "avx512bitalg", "avx512vpopcntdq",
        "avxvnni", "aes", "pclmul", "sha", "gfni", "vaes", "vpclmulqdq", "adx", "rdrnd", "rdseed",
        "amx-tile", "amx-int8", "amx-bf16", "sse4a", "fma4", "xop", "tbm",
    ]);

    /// <summary>AArch64 (A64), in the order the Arm architecture made them mandatory; see <see cref="A64Classifier"/> for what is recognised.</summary>
    public static readonly IsaFeatures Arm64 = new("arm64", [
        "crc", "lse", "rdm", "rcpc", "jscvt", "fcma", "fp16", "dotprod", "aes", "sha2", "sha3", "bf16", "i8mm", "sve", "sve2", "sme",
    ]);

    private readonly Dictionary<string, int> bits;

    private IsaFeatures(string family, IReadOnlyList<string> names)
    {
        Family = family;
        Names = names;
        bits = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    public string Family { get; }

    public IReadOnlyList<string> Names { get; }

    public static IsaFeatures? ForArch(string arch) => arch switch
    {
        "x86_64" or "x86_64h" => X86,
        "arm64" or "arm64e" or "aarch64" => Arm64,
        _ => null,
    };

    public ulong Bit(string name) => bits.TryGetValue(name, out var i) ? 1UL << i : throw new ArgumentException($"no {Family} feature '{name}'", nameof(name));

    public bool Knows(string name) => bits.ContainsKey(name);

    public ulong Mask(IEnumerable<string> names) => names.Aggregate(0UL, (m, n) => m | Bit(n));

    /// <summary>The feature names set in <paramref name="mask"/>, in vocabulary order (the CPU-check mark is not a feature).</summary>
    public IReadOnlyList<string> Describe(ulong mask) =>
        Enumerable.Range(0, Names.Count).Where(i => (mask & (1UL << i)) != 0).Select(i => Names[i]).ToList();
}
