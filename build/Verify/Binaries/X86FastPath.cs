using System.Runtime.CompilerServices;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// The length of the common x86-64 instructions that need no audited feature (integer ALU, moves, branches, calls,
/// SSE/SSE2 and MMX register ops without an F2/F3 prefix), computed from the opcode maps without Iced: most of a
/// library's code, at a fraction of a full decode. Anything else (F2/F3/F0 prefixes, VEX/EVEX/XOP, the 0F38/0F3A
/// maps, x87, CPUID, opcodes whose ModRM forms are partly invalid) returns 0 and Iced decodes it, so the result
/// is the same as decoding everything with Iced; X86FastPathTests checks that on real binaries, instruction by
/// instruction count, feature counts and runs. Opcode maps: Intel SDM vol. 2, appendix A ("Opcode Map"), 64-bit mode.
/// </summary>
internal static partial class X86FastPath
{
    private const int MaxLength = 15;

    /// <summary>The instruction's length when the fast path knows it to be valid and featureless, else 0.</summary>
    /// <param name="ends">A return, INT3, UD2 or indirect JMP: the end of a feature run (see <see cref="FeatureRuns.Break"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Length(ReadOnlySpan<byte> code, out bool ends)
    {
        ends = false;
        var i = 0;
        var opsize = false;
        while (i < code.Length && i < MaxLength - 1)
        {
            var b = code[i];
            if (b == 0x66)
            {
                opsize = true;
            }
            else if (b is not (0x67 or 0x2E or 0x3E or 0x26 or 0x36 or 0x64 or 0x65))
            {
                break;
            }

            i++;
        }

        if (i >= code.Length)
        {
            return 0;
        }

        var rexW = false;
        if ((code[i] & 0xF0) == 0x40)
        {
            rexW = (code[i] & 8) != 0;
            if (++i >= code.Length)
            {
                return 0;
            }
        }

        var op = code[i++];
        var n = op == 0x0F ? (i < code.Length ? TwoByte(code, i, opsize, ref ends) : 0) : OneByte(op, code, i, opsize, rexW, ref ends);
        return n > 0 && n <= MaxLength && n <= code.Length ? n : 0;
    }

    private static readonly byte[] OneByteForm = BuildOneByteForms();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int OneByte(byte op, ReadOnlySpan<byte> code, int i, bool opsize, bool rexW, ref bool ends)
    {
        var z = opsize && !rexW ? 2 : 4;
        switch (OneByteForm[op])
        {
            case Bare: return i;
            case Imm8: return i + 1;
            case ImmZ: return i + z;
            case ModRm_: return ModRm(code, i);
            case ModRmImm8: return Plus(ModRm(code, i), 1);
            case ModRmImmZ: return Plus(ModRm(code, i), z);
            case Rel8: return opsize ? 0 : i + 1;
            case Rel32: return opsize ? 0 : i + 4;
            case BareNo66: return opsize ? 0 : i;
            case MovImm: return i + (rexW ? 8 : z);
            case Special: return OneByteSpecial(op, code, i, opsize, z, ref ends);
            default: return 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int OneByteSpecial(byte op, ReadOnlySpan<byte> code, int i, bool opsize, int z, ref bool ends)
    {
        switch (op)
        {
            case 0x8D:
                return Mod(code, i) == 3 ? 0 : ModRm(code, i);
            case 0xC2:
                ends = true;
                return opsize ? 0 : i + 2;
            case 0xC3:
                ends = true;
                return opsize ? 0 : i;
            case 0xC6:
                return Reg(code, i) == 0 ? Plus(ModRm(code, i), 1) : 0;
            case 0xC7:
                return Reg(code, i) == 0 ? Plus(ModRm(code, i), z) : 0;
            case 0xC8:
                return opsize ? 0 : i + 3;
            case 0xCC:
                ends = true;
                return i;
            case 0xF6:
                return Reg(code, i) <= 1 ? Plus(ModRm(code, i), 1) : ModRm(code, i);
            case 0xF7:
                return Reg(code, i) <= 1 ? Plus(ModRm(code, i), z) : ModRm(code, i);
            case 0xFE:
                return Reg(code, i) <= 1 ? ModRm(code, i) : 0;
            default:
                var reg = Reg(code, i);
                ends = reg == 4;
                return reg <= 1 || (reg is 2 or 4 or 6 && !opsize) ? ModRm(code, i) : 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TwoByte(ReadOnlySpan<byte> code, int i, bool opsize, ref bool ends)
    {
        var op = code[i++];
        switch (op)
        {
            case 0x05:
                return i;
            case 0x0B:
                ends = true;
                return i;
            case 0x10 or 0x11 or 0x12 or 0x14 or 0x15 or 0x16 or 0x1F or 0x28 or 0x29 or 0x2A or (>= 0x2C and <= 0x2F)
                or (>= 0x40 and <= 0x4F) or (>= 0x51 and <= 0x6B) or 0x6E or 0x6F or (>= 0x74 and <= 0x76) or 0x7E or 0x7F
                or (>= 0x90 and <= 0x9F) or 0xA3 or 0xA5 or 0xAB or 0xAD or 0xAF or 0xB0 or 0xB1 or 0xB3 or 0xB6 or 0xB7
                or (>= 0xBB and <= 0xBF) or 0xC0 or 0xC1 or (>= 0xD1 and <= 0xD5) or (>= 0xD8 and <= 0xDF) or (>= 0xE0 and <= 0xE5)
                or (>= 0xE8 and <= 0xEF) or (>= 0xF1 and <= 0xF6) or (>= 0xF8 and <= 0xFE):
                return ModRm(code, i);
            case 0x13 or 0x17 or 0x2B:
                return Mod(code, i) == 3 ? 0 : ModRm(code, i);
            case 0x6C or 0x6D:
                return opsize ? ModRm(code, i) : 0;
            case 0x70 or 0xA4 or 0xAC or 0xC2 or 0xC4 or 0xC6:
                return Plus(ModRm(code, i), 1);
            case 0x77 or 0xA0 or 0xA1 or 0xA8 or 0xA9 or (>= 0xC8 and <= 0xCF):
                return opsize ? 0 : i;
            case >= 0x80 and <= 0x8F:
                return opsize ? 0 : i + 4;
            default:
                return 0;
        }
    }

    /// <summary>The index after the ModRM byte at <paramref name="i"/> and its SIB and displacement, or 0 past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ModRm(ReadOnlySpan<byte> code, int i)
    {
        if (i >= code.Length)
        {
            return 0;
        }

        var modrm = code[i++];
        var mod = modrm >> 6;
        var rm = modrm & 7;
        if (mod == 3)
        {
            return i;
        }

        if (rm == 4)
        {
            if (i >= code.Length)
            {
                return 0;
            }

            var sib = code[i++];
            if (mod == 0 && (sib & 7) == 5)
            {
                return i + 4;
            }
        }
        else if (mod == 0 && rm == 5)
        {
            return i + 4;
        }

        return mod switch { 1 => i + 1, 2 => i + 4, _ => i };
    }

    private static int Plus(int end, int immediate) => end == 0 ? 0 : end + immediate;

    private static int Mod(ReadOnlySpan<byte> code, int i) => i < code.Length ? code[i] >> 6 : 3;

    private static int Reg(ReadOnlySpan<byte> code, int i) => i < code.Length ? (code[i] >> 3) & 7 : 7;
}
