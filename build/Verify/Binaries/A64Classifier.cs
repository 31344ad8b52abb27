namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Classifies one A64 instruction word (little-endian, 4 bytes) into <see cref="IsaFeatures.Arm64"/> bits by
/// its encoding, as the Arm Architecture Reference Manual (DDI 0487, chapter C4 "A64 Instruction Set
/// Encoding") lays it out: bits 28:25 pick the top-level group, then fixed fields pick the instruction class.
/// CPU check: an MRS of an identification register. Covered (everything else is base Armv8.0 FP/AdvSIMD to this audit):
/// sve = the whole SVE encoding space (bits 28:25 = 0010; SVE2 included), sme = the SME space (bit 31 = 1,
/// bits 28:25 = 0000) plus SMSTART/SMSTOP; lse = CAS/CASP and the LD&lt;op&gt;/ST&lt;op&gt;/SWP atomics; crc = CRC32*;
/// rdm = SQRDMLAH/SQRDMLSH (vector, by element); rcpc = LDAPR*; jscvt = FJCVTZS; fcma = FCMLA/FCADD (vector,
/// by element); fp16 = scalar half-precision data processing and conversions (not FCVT), AdvSIMD three-same,
/// two-reg-misc and by-element half-precision forms, FMOV (vector, half immediate); dotprod = SDOT/UDOT;
/// i8mm = SMMLA/UMMLA/USMMLA/USDOT/SUDOT; bf16 = BFDOT/BFMMLA/BFMLAL/BFCVT/BFCVTN; aes = AES*, PMULL (64-bit);
/// sha2 = SHA1*/SHA256*; sha3 = SHA512*, EOR3, BCAX, RAX1, XAR.
/// Not told apart: SVE2 from SVE (reported as sve), FHM, FRINTTS, flag manipulation, pointer
/// authentication (its hint-space forms are NOPs on older CPUs), MTE, and SME2 from SME.
/// Checked against llvm-objdump-15 by tests/Tfwheel.Tests/Verify/A64ClassifierTests.cs.
/// </summary>
internal static class A64Classifier
{
    private static readonly ulong Sve = IsaFeatures.Arm64.Bit("sve");
    private static readonly ulong Sme = IsaFeatures.Arm64.Bit("sme");
    private static readonly ulong Lse = IsaFeatures.Arm64.Bit("lse");
    private static readonly ulong Crc = IsaFeatures.Arm64.Bit("crc");
    private static readonly ulong Rdm = IsaFeatures.Arm64.Bit("rdm");
    private static readonly ulong Rcpc = IsaFeatures.Arm64.Bit("rcpc");
    private static readonly ulong Jscvt = IsaFeatures.Arm64.Bit("jscvt");
    private static readonly ulong Fcma = IsaFeatures.Arm64.Bit("fcma");
    private static readonly ulong Fp16 = IsaFeatures.Arm64.Bit("fp16");
    private static readonly ulong DotProd = IsaFeatures.Arm64.Bit("dotprod");
    private static readonly ulong I8mm = IsaFeatures.Arm64.Bit("i8mm");
    private static readonly ulong Bf16 = IsaFeatures.Arm64.Bit("bf16");
    private static readonly ulong Aes = IsaFeatures.Arm64.Bit("aes");
    private static readonly ulong Sha2 = IsaFeatures.Arm64.Bit("sha2");
    private static readonly ulong Sha3 = IsaFeatures.Arm64.Bit("sha3");

    public static ulong Classify(uint w) => ((w >> 25) & 0xF) switch
    {
        0b0000 => (w & 0x8000_0000) != 0 ? Sme : 0,
        0b0010 => Sve,
        0b1010 or 0b1011 => System(w),
        0b0100 or 0b0110 or 0b1100 or 0b1110 => LoadStore(w),
        0b0101 or 0b1101 => (w & 0x7FE0_E000) == 0x1AC0_4000 ? Crc : 0,
        0b0111 or 0b1111 => SimdFp(w),
        _ => 0,
    };

    private static ulong System(uint w)
    {
        // SMSTART/SMSTOP: MSR SVCRSM/SVCRZA/SVCRSMZA, #imm (op1 = 011, CRn = 0100, CRm = 0b0xx_ with xx != 00, op2 = 011).
        if ((w & 0xFFFF_F8FF) == 0xD503_407F && ((w >> 8) & 0x7) >= 2)
        {
            return Sme;
        }

        // MRS Xt of an identification register (op0 = 3, op1 = 0, CRn = 0: MIDR_EL1, ID_AA64*_EL1, ...),
        // which Linux emulates for user space: the code asks which CPU it runs on.
        return (w & 0xFFFF_F000) == 0xD538_0000 ? IsaFeatures.CpuCheck : 0;
    }

    private static ulong LoadStore(uint w)
    {
        if ((w & 0x3FA0_7C00) == 0x08A0_7C00 || (w & 0xBFA0_7C00) == 0x0820_7C00)
        {
            return Lse; // CAS*, CASP*
        }

        if ((w & 0x3F20_0C00) == 0x3820_0000)
        {
            var o3 = (w >> 15) & 1;
            var opc = (w >> 12) & 7;
            if (o3 == 0 || opc == 0)
            {
                return Lse; // LD<op>, ST<op> (aliases), SWP
            }

            return (w & 0x3FFF_FC00) == 0x38BF_C000 ? Rcpc : 0; // LDAPR, LDAPRB, LDAPRH
        }

        return 0;
    }

    private static ulong SimdFp(uint w)
    {
        // Scalar floating-point (bit 30 = 0, bits 28:24 = 1111x) with ftype = 11 (half precision) needs FP16,
        // except FCVT from half precision, which Armv8.0 has.
        if ((w & 0x5E00_0000) == 0x1E00_0000 && ((w >> 22) & 3) == 3)
        {
            return (w & 0xFFFE_7C00) == 0x1EE2_4000 ? 0 : Fp16;
        }

        if ((w & 0xFFFF_FC00) == 0x1E7E_0000)
        {
            return Jscvt;
        }

        if ((w & 0xFFFF_FC00) == 0x1E63_4000 || (w & 0xBFFF_FC00) == 0x0EA1_6800)
        {
            return Bf16; // BFCVT, BFCVTN/BFCVTN2
        }

        return Crypto(w) | ThreeSameExtra(w) | ByElement(w) | HalfVector(w);
    }

    private static ulong Crypto(uint w)
    {
        if ((w & 0xFFFF_CC00) == 0x4E28_4800 || (w & 0xBFE0_FC00) == 0x0EE0_E000)
        {
            return Aes; // AESE/AESD/AESMC/AESIMC; PMULL{2} .1q
        }

        if ((w & 0xFFE0_8C00) == 0x5E00_0000 || (w & 0xFFFF_CC00) == 0x5E28_0800)
        {
            return Sha2; // SHA1C/P/M/SU0, SHA256H/H2/SU1; SHA1H/SU1, SHA256SU0
        }

        if ((w & 0xFFE0_F000) == 0xCE60_8000 || (w & 0xFFFF_FC00) == 0xCEC0_8000 || (w & 0xFFC0_8000) == 0xCE00_0000 || (w & 0xFFE0_0000) == 0xCE80_0000)
        {
            return Sha3; // SHA512H/H2/SU1, RAX1; SHA512SU0; EOR3/BCAX; XAR
        }

        return 0;
    }

    /// <summary>AdvSIMD "three same (extra)": 0 Q U 01110 size 0 Rm 1 opcode 1 Rn Rd.</summary>
    private static ulong ThreeSameExtra(uint w)
    {
        if ((w & 0x9F20_8400) != 0x0E00_8400 && (w & 0xDF20_8400) != 0x5E00_8400)
        {
            return 0;
        }

        var scalar = (w & 0x1000_0000) != 0;
        var u = (w >> 29) & 1;
        var size = (w >> 22) & 3;
        var opcode = (w >> 11) & 0xF;
        return (opcode, u, size) switch
        {
            (0 or 1, 1, _) => Rdm,
            _ when scalar => 0,
            (2, _, 2) => DotProd,
            (3, 0, 2) or (4, _, 2) or (5, 0, 2) => I8mm,
            (>= 8 and <= 11, 1, _) or (12 or 14, 1, _) => Fcma | (size == 1 ? Fp16 : 0),
            (13, 1, 1) or (15, 1, 1) or (15, 1, 3) => Bf16,
            _ => 0,
        };
    }

    /// <summary>AdvSIMD vector x indexed element: 0 Q U 01111 size L M Rm opcode H 0 Rn Rd (and the scalar form, 01 U 11111).</summary>
    private static ulong ByElement(uint w)
    {
        var vector = (w & 0x9F00_0400) == 0x0F00_0000;
        if (!vector && (w & 0xDF00_0400) != 0x5F00_0000)
        {
            return 0;
        }

        var u = (w >> 29) & 1;
        var size = (w >> 22) & 3;
        var opcode = (w >> 12) & 0xF;
        return (opcode, u, size) switch
        {
            (13 or 15, 1, _) => Rdm,
            (1 or 5 or 9, 0, 0) or (9, 1, 0) => Fp16,
            _ when !vector => 0,
            (14, _, 2) => DotProd,
            (15, 0, 0 or 2) => I8mm,
            (15, 0, 1 or 3) => Bf16,
            (1 or 3 or 5 or 7, 1, 1) => Fcma | Fp16,
            (1 or 3 or 5 or 7, 1, 2) => Fcma,
            _ => 0,
        };
    }

    /// <summary>AdvSIMD half-precision three-same and two-reg-misc (vector and scalar), FMOV (vector, half immediate).</summary>
    private static ulong HalfVector(uint w)
    {
        var threeSame = (w & 0x9F60_C400) == 0x0E40_0400 || (w & 0xDF60_C400) == 0x5E40_0400;
        var twoRegMisc = (w & 0x9F7E_0C00) == 0x0E78_0800 || (w & 0xDF7E_0C00) == 0x5E78_0800;
        var fmovImmediate = (w & 0xBFF8_FC00) == 0x0F00_FC00;
        return threeSame || twoRegMisc || fmovImmediate ? Fp16 : 0;
    }
}
