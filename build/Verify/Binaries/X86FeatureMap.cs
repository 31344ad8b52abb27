using Iced.Intel;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Maps an instruction decoded by Iced to <see cref="IsaFeatures.X86"/> bits, from Iced's per-instruction
/// <c>CpuidFeatures</c> (the CPUID bits the instruction needs). Features every x86-64 CPU has (SSE, SSE2,
/// CMOV, CX8, ...) and system or OS-support features map to nothing. LAHF/SAHF in 64-bit mode (part of
/// x86-64-v2) is not told apart by Iced, so it is not audited; nor is TZCNT (see below). CPUID and XGETBV mark a CPU check.
/// </summary>
internal static class X86FeatureMap
{
    private static readonly Dictionary<CpuidFeature, string> Names = new()
    {
        [CpuidFeature.CMPXCHG16B] = "cx16", [CpuidFeature.POPCNT] = "popcnt", [CpuidFeature.SSE3] = "sse3",
        [CpuidFeature.SSE4_1] = "sse4.1", [CpuidFeature.SSE4_2] = "sse4.2", [CpuidFeature.SSSE3] = "ssse3",
        [CpuidFeature.AVX] = "avx", [CpuidFeature.AVX2] = "avx2", [CpuidFeature.BMI1] = "bmi1", [CpuidFeature.BMI2] = "bmi2",
        [CpuidFeature.F16C] = "f16c", [CpuidFeature.FMA] = "fma", [CpuidFeature.LZCNT] = "lzcnt", [CpuidFeature.MOVBE] = "movbe",
        [CpuidFeature.AVX512F] = "avx512f", [CpuidFeature.AVX512BW] = "avx512bw", [CpuidFeature.AVX512CD] = "avx512cd",
        [CpuidFeature.AVX512DQ] = "avx512dq", [CpuidFeature.AVX512VL] = "avx512vl", [CpuidFeature.AVX512_VNNI] = "avx512vnni",
        [CpuidFeature.AVX512_BF16] = "avx512bf16", [CpuidFeature.AVX512_FP16] = "avx512fp16", [CpuidFeature.AVX512_IFMA] = "avx512ifma",
        [CpuidFeature.AVX512_VBMI] = "avx512vbmi", [CpuidFeature.AVX512_VBMI2] = "avx512vbmi2", [CpuidFeature.AVX512_BITALG] = "avx512bitalg",
        [CpuidFeature.AVX512_VPOPCNTDQ] = "avx512vpopcntdq", [CpuidFeature.AVX_VNNI] = "avxvnni", [CpuidFeature.AES] = "aes",
        [CpuidFeature.PCLMULQDQ] = "pclmul", [CpuidFeature.SHA] = "sha", [CpuidFeature.GFNI] = "gfni", [CpuidFeature.VAES] = "vaes",
        [CpuidFeature.VPCLMULQDQ] = "vpclmulqdq", [CpuidFeature.ADX] = "adx", [CpuidFeature.RDRAND] = "rdrnd", [CpuidFeature.RDSEED] = "rdseed",
        [CpuidFeature.AMX_TILE] = "amx-tile", [CpuidFeature.AMX_INT8] = "amx-int8", [CpuidFeature.AMX_BF16] = "amx-bf16",
        [CpuidFeature.SSE4A] = "sse4a", [CpuidFeature.FMA4] = "fma4", [CpuidFeature.XOP] = "xop", [CpuidFeature.TBM] = "tbm",
    };

    private static readonly ulong[] ByCode = Build();

    public static ulong Mask(Code code) => ByCode[(int)code];

    /// <summary>A return, INT3, UD2 or indirect JMP: the end of a feature run (see <see cref="FeatureRuns.Break"/>).</summary>
    public static bool EndsRun(Code code) => code is Code.Retnq or Code.Retnq_imm16 or Code.Int3 or Code.Ud2 or Code.Jmp_rm64;

    private static ulong[] Build()
    {
        var table = new ulong[Enum.GetValues<Code>().Length];
        var instruction = default(Instruction);
        for (var i = 0; i < table.Length; i++)
        {
            var code = (Code)i;
            if (code is Code.Cpuid or Code.Xgetbv)
            {
                table[i] = IsaFeatures.CpuCheck;
                continue;
            }

            // TZCNT is F3 0F BC, which CPUs without BMI1 run as BSF (same result for non-zero input);
            // compilers emit it for ctz on any x86-64 (gcc, LLVM), so it proves nothing.
            if (code is Code.Tzcnt_r16_rm16 or Code.Tzcnt_r32_rm32 or Code.Tzcnt_r64_rm64)
            {
                continue;
            }

            instruction.Code = code;
            foreach (var feature in instruction.CpuidFeatures)
            {
                if (Names.TryGetValue(feature, out var name))
                {
                    table[i] |= IsaFeatures.X86.Bit(name);
                }
            }
        }

        return table;
    }
}
