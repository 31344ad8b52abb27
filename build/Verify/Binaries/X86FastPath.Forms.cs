namespace Tfwheel.Verify.Binaries;

/// <summary>The one-byte opcode map as forms (operands that follow the opcode), 64-bit mode: Intel SDM vol. 2, table A-2.</summary>
internal static partial class X86FastPath
{
    // One-byte opcodes by form, so the common ones cost one table read (the rest go through Special).
    private const byte Fallback = 0, Bare = 1, Imm8 = 2, ImmZ = 3, ModRm_ = 4, ModRmImm8 = 5, ModRmImmZ = 6, Rel8 = 7, Rel32 = 8, BareNo66 = 9, MovImm = 10, Special = 11;

    private static byte[] BuildOneByteForms()
    {
        var forms = new byte[256];
        void Set(byte form, params int[] ops)
        {
            foreach (var op in ops)
            {
                forms[op] = form;
            }
        }

        static int[] Range(int from, int to) => Enumerable.Range(from, to - from + 1).ToArray();
        for (var op = 0; op < 0x40; op++)
        {
            forms[op] = (op & 7) switch { <= 3 => ModRm_, 4 => Imm8, 5 => ImmZ, _ => Fallback };
        }

        forms[0x0F] = Fallback;
        Set(BareNo66, Range(0x50, 0x5F));
        Set(ModRm_, [0x63, .. Range(0x84, 0x8B), .. Range(0xD0, 0xD3)]);
        Set(Rel32, 0x68, 0xE8, 0xE9);
        Set(ModRmImmZ, 0x69, 0x81);
        Set(Rel8, [0x6A, .. Range(0x70, 0x7F), 0xEB]);
        Set(ModRmImm8, 0x6B, 0x80, 0x83, 0xC0, 0xC1);
        Set(Bare, [.. Range(0x6C, 0x6F), 0x90, .. Range(0x91, 0x99), 0x9B, .. Range(0xA4, 0xA7), .. Range(0xAA, 0xAF), 0xD7, .. Range(0xEC, 0xEF), 0xF1, 0xF4, 0xF5, .. Range(0xF8, 0xFD)]);
        Set(BareNo66, 0x9C, 0x9D, 0xC9, 0xCF);
        Set(Imm8, [0xA8, .. Range(0xB0, 0xB7), 0xCD, .. Range(0xE4, 0xE7)]);
        Set(ImmZ, 0xA9);
        Set(MovImm, Range(0xB8, 0xBF));
        Set(Special, 0x8D, 0xC2, 0xC3, 0xC6, 0xC7, 0xC8, 0xCC, 0xF6, 0xF7, 0xFE, 0xFF);
        return forms;
    }
}
