namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Tells baseline use of a feature (the code was compiled for it: it needs it wherever it runs) from
/// dispatched use (code picked at run time after asking the CPU, as BLAKE3, oneDNN, MLAS, Go's runtime or
/// glibc's ifuncs do). For each feature, with U = the functions (4 KiB blocks when the binary names too
/// few functions) that use it and N = all functions holding decoded code:
/// 1. Nothing in the binary checks the CPU (no CPUID/XGETBV, no MRS of an identification register, no
///    ifunc symbol, no import such as __cpu_indicator_init, getauxval or sysctlbyname): baseline. Nothing
///    can choose, so whatever runs that code needs the feature.
/// 2. U is at least <see cref="BaselineShare"/> of N: baseline. Code compiled with -mavx carries VEX
///    encodings in most functions that touch floating point or vectors, far beyond a set of kernels.
/// 3. Otherwise dispatched. The report says whether U is named for an instruction set
///    (blake3_hash_many_avx2, foo.avx2.0) and how many places U clusters in, to help a reader judge.
/// In block mode a feature seen in fewer than <see cref="NoiseFloor"/> instructions is dropped: without
/// function boundaries, data decoded as code yields a few stray matches.
/// </summary>
internal static class DispatchRule
{
    public const double BaselineShare = 1.0 / 3;
    public const int GroupGap = 3;
    public const int NoiseFloor = 8;

    private static readonly string[] IsaTokens =
    [
        "sse3", "ssse3", "sse4", "sse41", "sse42", "avx", "avx2", "avx512", "avx512f", "avx512bw", "avx512vl", "avx512vnni", "avx512core",
        "avxvnni", "fma", "fma3", "f16c", "bmi", "bmi2", "vnni", "amx", "haswell", "skylake", "skx", "icelake", "cascadelake", "znver",
        "zen", "zen4", "x86v3", "x86v4", "sve", "sve2", "sme", "sme2", "dotprod", "i8mm", "bf16", "fp16", "lse",
        "sha3", "pmull", "sdot", "udot", "mmla", "armv82", "armv86",
    ];

    public static (bool Baseline, string Reason) Classify(int used, int total, int groups, bool blocks, string? cpuCheck, IReadOnlyList<string> allUsers)
    {
        var unit = blocks ? "4 KiB blocks" : "functions";
        if (cpuCheck is null)
        {
            return (true, $"used in {used} of {total} {unit}, and nothing in the binary checks the CPU, so whatever runs them needs it");
        }

        if ((double)used / Math.Max(1, total) >= BaselineShare)
        {
            return (true, $"used in {used} of {total} {unit}, too many for runtime-selected code");
        }

        var named = !blocks && allUsers.Count > 0 && allUsers.All(IsIsaNamed) ? ", all named for an instruction set" : "";
        return (false, $"used in {used} of {total} {unit} ({groups} {(groups == 1 ? "place" : "places")}{named}), and the code checks the CPU ({cpuCheck})");
    }

    /// <summary>True when a name, split into words at '_', '.', digits-to-letters and camelCase, has an instruction-set word.</summary>
    public static bool IsIsaNamed(string name)
    {
        foreach (var word in Words(name))
        {
            if (IsaTokens.Contains(word) || word.StartsWith("avx512", StringComparison.Ordinal) || word.StartsWith("sse4", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetterOrDigit(name[i])
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                || (char.IsLetter(name[i]) && char.IsDigit(name[i - 1]) && !IsaSuffix(name, start, i));
            if (!boundary)
            {
                continue;
            }

            if (i > start && char.IsLetterOrDigit(name[start]))
            {
                yield return name[start..i].ToLowerInvariant();
            }

            start = i < name.Length && !char.IsLetterOrDigit(name[i]) ? i + 1 : i;
        }
    }

    /// <summary>Keeps "avx512f", "avx512bw" in one word: letters after the digits of an avx512/sme2 prefix.</summary>
    private static bool IsaSuffix(string name, int start, int i) =>
        name.AsSpan(start, i - start).StartsWith("avx512", StringComparison.OrdinalIgnoreCase);
}
