using Tfwheel.Verify.Binaries;

namespace Tfwheel.Doctor;

/// <summary>
/// What Rosetta 2 gives x86_64 code on an Apple-silicon Mac, by macOS version.
/// <list type="bullet">
/// <item>Apple, "About the Rosetta translation environment" (developer.apple.com/documentation/apple-silicon/
/// about-the-rosetta-translation-environment): "Rosetta translates all x86_64 instructions, but it doesn't support
/// the execution of some newer instruction sets and processor features, such as AVX, AVX2, and AVX512 vector
/// instructions." The other VEX/EVEX vector extensions (FMA, F16C, VAES, VPCLMULQDQ, AVX-VNNI, AMX, XOP/FMA4)
/// need the same AVX register state, so they are counted with them (INFERRED).</item>
/// <item>macOS 15 (Sequoia) and later execute AVX and AVX2 under Rosetta but CPUID and sysctl still do not report
/// them (golang/go src/internal/cpu/cpu_x86_darwin.go: "on macOS 15 (Darwin kernel version 24) or newer, Rosetta 2
/// supports AVX1 and 2. However, neither CPUID nor sysctl says it has AVX"). TensorFlow checks CPUID at import
/// (tensorflow/core/platform/cpu_feature_guard.cc: "The TensorFlow library was compiled to use AVX instructions,
/// but these aren't available on your machine.") and aborts, so an AVX TensorFlow still fails there.</item>
/// </list>
/// </summary>
public static class RosettaCpu
{
    private static readonly string[] Vector =
    [
        "avx", "avx2", "fma", "f16c", "avxvnni", "vaes", "vpclmulqdq", "fma4", "xop",
        "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl", "avx512vnni", "avx512bf16", "avx512fp16", "avx512ifma",
        "avx512vbmi", "avx512vbmi2", "avx512bitalg", "avx512vpopcntdq", "amx-tile", "amx-int8", "amx-bf16",
    ];

    /// <summary>The first macOS whose Rosetta executes AVX and AVX2 (without reporting them).</summary>
    public static readonly Version AvxExecuted = new(15, 0);

    /// <summary>The features Rosetta reports to x86_64 code (CPUID): every audited x86 feature but the vector extensions above.</summary>
    public static HostCpu Cpu(Version? macos) =>
        new(IsaFeatures.X86, IsaFeatures.X86.Mask(IsaFeatures.X86.Names.Except(Vector)), macos is null ? "Rosetta 2" : $"Rosetta 2 on macOS {macos}");

    /// <summary>Whether this Rosetta executes <paramref name="feature"/> although it does not report it.</summary>
    public static bool ExecutesUnreported(string feature, Version? macos) => macos >= AvxExecuted && feature is "avx" or "avx2";
}
