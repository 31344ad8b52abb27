namespace Tfwheel.Doctor;

/// <summary>
/// How the OSes name CPU features, mapped to the audit's names (Verify.Binaries.IsaFeatures). Sources:
/// Linux x86 flags: torvalds/linux arch/x86/include/asm/cpufeatures.h (the quoted /proc/cpuinfo names; LZCNT is
/// "abm"); Linux arm64 hwcaps: arch/arm64/kernel/cpuinfo.c hwcap_str; macOS: Apple, "Determining instruction set
/// characteristics" (sysctlbyname hw.optional.* and hw.optional.arm.FEAT_*), and the Intel-Mac
/// machdep.cpu.features words (xnu osfmk/i386/cpuid.c feature_map, leaf7_feature_map, extfeature_map).
/// </summary>
internal static class HostCpuNames
{
    public static readonly IReadOnlyDictionary<string, string> X86 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Linux /proc/cpuinfo flags.
        ["cx16"] = "cx16", ["popcnt"] = "popcnt", ["pni"] = "sse3", ["sse4_1"] = "sse4.1", ["sse4_2"] = "sse4.2", ["ssse3"] = "ssse3",
        ["avx"] = "avx", ["avx2"] = "avx2", ["bmi1"] = "bmi1", ["bmi2"] = "bmi2", ["f16c"] = "f16c", ["fma"] = "fma", ["abm"] = "lzcnt", ["movbe"] = "movbe",
        ["avx512f"] = "avx512f", ["avx512bw"] = "avx512bw", ["avx512cd"] = "avx512cd", ["avx512dq"] = "avx512dq", ["avx512vl"] = "avx512vl",
        ["avx512_vnni"] = "avx512vnni", ["avx512_bf16"] = "avx512bf16", ["avx512_fp16"] = "avx512fp16", ["avx512ifma"] = "avx512ifma",
        ["avx512vbmi"] = "avx512vbmi", ["avx512_vbmi2"] = "avx512vbmi2", ["avx512_bitalg"] = "avx512bitalg", ["avx512_vpopcntdq"] = "avx512vpopcntdq",
        ["avx_vnni"] = "avxvnni", ["aes"] = "aes", ["pclmulqdq"] = "pclmul", ["sha_ni"] = "sha", ["gfni"] = "gfni", ["vaes"] = "vaes",
        ["vpclmulqdq"] = "vpclmulqdq", ["adx"] = "adx", ["rdrand"] = "rdrnd", ["rdseed"] = "rdseed",
        ["amx_tile"] = "amx-tile", ["amx_int8"] = "amx-int8", ["amx_bf16"] = "amx-bf16", ["sse4a"] = "sse4a", ["fma4"] = "fma4", ["xop"] = "xop", ["tbm"] = "tbm",

        // macOS (Intel): machdep.cpu.features / leaf7_features / extfeatures words.
        ["CX16"] = "cx16", ["POPCNT"] = "popcnt", ["SSE3"] = "sse3", ["SSE4.1"] = "sse4.1", ["SSE4.2"] = "sse4.2", ["SSSE3"] = "ssse3",
        ["AVX1.0"] = "avx", ["AVX2"] = "avx2", ["BMI1"] = "bmi1", ["BMI2"] = "bmi2", ["F16C"] = "f16c", ["FMA"] = "fma", ["LZCNT"] = "lzcnt", ["MOVBE"] = "movbe",
        ["AVX512F"] = "avx512f", ["AVX512BW"] = "avx512bw", ["AVX512CD"] = "avx512cd", ["AVX512DQ"] = "avx512dq", ["AVX512VL"] = "avx512vl",
        ["AVX512VNNI"] = "avx512vnni", ["AVX512IFMA"] = "avx512ifma", ["AVX512VBMI"] = "avx512vbmi", ["AES"] = "aes", ["PCLMULQDQ"] = "pclmul",
        ["SHA"] = "sha", ["ADX"] = "adx", ["RDRAND"] = "rdrnd", ["RDSEED"] = "rdseed",

        // macOS (Intel): hw.optional.* = 1 (sse4_1, sse4_2, rdrand and the avx512* names are spelled as on Linux, above).
        ["sse3"] = "sse3", ["supplementalsse3"] = "ssse3", ["avx1_0"] = "avx", ["avx2_0"] = "avx2",
    };

    public static readonly IReadOnlyDictionary<string, string> Arm64 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Linux /proc/cpuinfo Features.
        ["crc32"] = "crc", ["atomics"] = "lse", ["asimdrdm"] = "rdm", ["lrcpc"] = "rcpc", ["jscvt"] = "jscvt", ["fcma"] = "fcma",
        ["asimdhp"] = "fp16", ["asimddp"] = "dotprod", ["aes"] = "aes", ["sha2"] = "sha2", ["sha3"] = "sha3", ["bf16"] = "bf16",
        ["i8mm"] = "i8mm", ["sve"] = "sve", ["sve2"] = "sve2", ["sme"] = "sme",

        // macOS: hw.optional.arm.FEAT_* (macOS 12+) and the older hw.optional names (macOS 11).
        ["arm.FEAT_CRC32"] = "crc", ["arm.FEAT_LSE"] = "lse", ["arm.FEAT_RDM"] = "rdm", ["arm.FEAT_LRCPC"] = "rcpc", ["arm.FEAT_JSCVT"] = "jscvt",
        ["arm.FEAT_FCMA"] = "fcma", ["arm.FEAT_FP16"] = "fp16", ["arm.FEAT_DotProd"] = "dotprod", ["arm.FEAT_AES"] = "aes", ["arm.FEAT_SHA256"] = "sha2",
        ["arm.FEAT_SHA3"] = "sha3", ["arm.FEAT_BF16"] = "bf16", ["arm.FEAT_I8MM"] = "i8mm", ["arm.FEAT_SME"] = "sme",
        ["armv8_crc32"] = "crc", ["armv8_1_atomics"] = "lse", ["neon_fp16"] = "fp16", ["armv8_2_sha3"] = "sha3",
    };
}
