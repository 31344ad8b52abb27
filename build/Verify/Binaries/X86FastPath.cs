using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// x86-64 decoding without Iced for the instructions seen before: Iced's answer (features, length, end of a run,
/// validity) for an instruction form is remembered and reused. A form is everything that decides that answer
/// apart from register numbers, displacement and immediate values: the prefixes that matter (66, 67, F0, the last
/// of F2/F3, REX.W; for VEX/EVEX the 67 prefix and every field but the register numbers), the opcode map, the
/// opcode, the whole ModRM byte and the register-extension bits that can make a form invalid (VEX.R/B and
/// EVEX.R/X/B/R': mask and tile registers; the CR/DR moves, where REX.R can, always go to Iced). The length is
/// learned as "bytes after the opcode", the SIB byte's base-without-register case (4 more bytes of displacement)
/// added per instruction, so no immediate or operand-size table is written here, only which opcodes have a ModRM
/// byte (Intel SDM vol. 2, appendix A).
/// Anything unusual (a REX before another prefix, both F2 and F3, 3DNow!, XOP, VEX/EVEX after a legacy prefix,
/// a malformed VEX/EVEX) and every form whose answer could not be learned exactly go to Iced every time, so the
/// result is that of decoding everything with Iced; X86FastPathTests checks it instruction by instruction count,
/// feature counts and runs on real binaries and random bytes.
/// Shared by all threads and binaries of a process: reads take no lock; an answer is one <see cref="uint"/>
/// published with a volatile write. A form gets its block of answers at its second sighting (data decoded as code
/// makes many forms seen once). Bounded: at most <see cref="MaxForms"/> blocks of 256 two-byte answers (2 MiB); a
/// form past that is decoded by Iced every time.
/// </summary>
internal static class X86FastPath
{
    /// <summary>Bytes a caller's buffer must have past its data, so a lookup never reads outside the array.</summary>
    public const int Padding = 32;

    private const int MaxLength = 15;
    private const int MaxForms = 4096;
    private const int MaxEvexKeys = 1 << 16;
    private const ushort SeenOnce = ushort.MaxValue;
    private const int MaxMasks = 256;

    // An answer: state (bits 0-1), ends a run (2), SIB-base case possible (3), bytes after the opcode (4-7), mask index (8-15).
    private const uint Unknown = 0, Valid = 1, Iced = 2, Invalid = 3;
    private const uint EndsBit = 4, SibBit = 8;

    private static readonly ushort[]?[] Blocks = new ushort[MaxForms][];
    private static readonly ushort[] Legacy = new ushort[1 << 16];
    private static readonly ushort[] Vex = new ushort[1 << 18];
    private static readonly ConcurrentDictionary<int, int> Evex = new();
    private static readonly ulong[] Masks = new ulong[MaxMasks];

    // The common case without a chain of branches: no legacy prefix, at most a REX (none, or W/R as 1-4), a one-byte
    // or 0F opcode; indexed by those, then the opcode and the byte after it (the forms of one opcode share cache lines).
    // One byte an answer, so the hot part stays in cache: the whole length SIB case aside (bits 0-3, 0: not known),
    // SIB case possible (4), ends a run (5), invalid (6). Only featureless answers are kept here; an instruction that
    // needs a feature is recorded through Lookup.
    private static readonly byte[] Quick = new byte[10 << 16];
    private const int QuickSib = 16, QuickEnds = 32, QuickInvalid = 64;
    private static readonly Dictionary<ulong, int> MaskIndex = [];
    private static readonly Lock Gate = new();
    private static int blockCount;
    private static int maskCount;

    // Legacy prefix bits: 66, 67, F0 go into the form; F3/F2 as "last one"; segment prefixes change nothing audited.
    private const int P66 = 1, P67 = 2, PLock = 4, PF3 = 8, PF2 = 16, PSegment = 32;
    private static readonly byte[] Prefix = BuildPrefixes();
    private static readonly bool[] HasModRm = BuildModRmMaps();

    /// <summary>What a miss must remember to learn Iced's answer for the form.</summary>
    public struct Slot
    {
        public int Block;
        public int ModRm;
        public int OpcodeEnd;
        public int SibExtra;
        public bool SibPossible;
    }

    /// <summary>
    /// The instruction at <paramref name="position"/> from what is known of its form: its length (0: ask Iced),
    /// its answer, and where to learn Iced's answer (<see cref="Slot.Block"/> -1: not learnable).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lookup(byte[] code, int position, int end, out uint answer, out Slot slot)
    {
        answer = 0;
        slot = default;
        slot.Block = -1;
        var p = position;
        var b = code[p];
        var prefixes = 0;
        var rep = 0;
        while (Prefix[b] != 0)
        {
            var kind = Prefix[b];
            if (kind == PF3 || kind == PF2)
            {
                if (rep != 0 && rep != kind)
                {
                    return 0;
                }

                rep = kind;
            }
            else
            {
                prefixes |= kind;
            }

            if (++p - position >= MaxLength - 1)
            {
                return 0;
            }

            b = code[p];
        }

        var w = 0;
        var rex = false;
        // Only the REX right before the opcode counts (an earlier one is ignored, as after it a legacy prefix would be).
        while ((b & 0xF0) == 0x40)
        {
            rex = true;
            w = (b >> 3) & 1;
            b = code[++p];
            if (Prefix[b] != 0 || p - position >= MaxLength - 1)
            {
                return 0;
            }
        }

        int map;
        if (b == 0x0F)
        {
            var second = code[p + 1];
            if (second == 0x38)
            {
                map = 2;
                b = code[p + 2];
                p += 3;
            }
            else if (second == 0x3A)
            {
                map = 3;
                b = code[p + 2];
                p += 3;
            }
            else if (second == 0x0F)
            {
                return 0;
            }
            else if (second is >= 0x20 and <= 0x23)
            {
                // MOV to or from CR/DR: REX.R picks CR8-CR15/DR8-DR15, most of which do not exist (Iced decides).
                return 0;
            }
            else
            {
                map = 1;
                b = second;
                p += 2;
            }
        }
        else if (b is 0xC4 or 0xC5 or 0x62)
        {
            return VexOrEvex(code, position, p, end, rex || rep != 0 || (prefixes & (P66 | PLock)) != 0, (prefixes & P67) != 0, out answer, out slot);
        }
        else
        {
            if (b == 0x8F && (code[p + 1] & 0x38) != 0)
            {
                return 0;
            }

            map = 0;
            p++;
        }

        var key = (map << 14) | (b << 6) | ((prefixes & 7) << 3) | ((rep == PF3 ? 1 : rep == PF2 ? 2 : 0) << 1) | w;
        return Answer(code, position, p, end, Legacy, key, HasModRm[(map << 8) | b], out answer, ref slot);
    }

    private static int VexOrEvex(byte[] code, int position, int p, int end, bool prefixed, bool address32, out uint answer, out Slot slot)
    {
        answer = 0;
        slot = default;
        slot.Block = -1;
        if (prefixed)
        {
            return 0;
        }

        var first = code[p];
        int map, op;
        if (first == 0x62)
        {
            var p0 = code[p + 1];
            var p1 = code[p + 2];
            var p2 = code[p + 3];
            map = p0 & 7;
            if ((p0 & 8) != 0 || (p1 & 4) == 0 || map is 0 or 4 or 7)
            {
                return 0;
            }

            op = code[p + 4];
            p += 5;
            var key = map | (op << 3) | ((p1 & 3) << 11) | ((p1 >> 7) << 13) | (((p2 >> 5) & 3) << 14) | (((p2 >> 4) & 1) << 16)
                | ((p2 >> 7) << 17) | (((p2 & 7) == 0 ? 1 : 0) << 18) | (((p2 >> 3) & 1) << 19) | (((p0 >> 4) & 1) << 20)
                | (((p0 >> 6) & 1) << 21) | ((((p1 >> 3) & 15) == 15 ? 1 : 0) << 22) | ((address32 ? 1 : 0) << 23)
                | ((p0 >> 7) << 24) | (((p0 >> 5) & 1) << 25);
            if (!Evex.TryGetValue(key, out var block) || block == SeenOnce)
            {
                block = block == SeenOnce ? NewEvexBlock(key) : MarkSeen(key);
                if (block == 0)
                {
                    return 0;
                }
            }

            return AnswerBlock(code, position, p, end, block, true, out answer, ref slot);
        }

        int payload, w, rb;
        if (first == 0xC5)
        {
            payload = code[p + 1];
            w = 0;
            rb = (payload >> 7) | 2;
            map = 1;
            op = code[p + 2];
            p += 3;
        }
        else
        {
            var p0 = code[p + 1];
            map = p0 & 0x1F;
            if (map is < 1 or > 3)
            {
                return 0;
            }

            payload = code[p + 2];
            w = payload >> 7;
            rb = (p0 >> 7) | ((p0 >> 4) & 2);
            op = code[p + 3];
            p += 4;
        }

        var vexKey = (map - 1) | (op << 2) | ((payload & 3) << 10) | (((payload >> 2) & 1) << 12) | ((((payload >> 3) & 15) == 15 ? 1 : 0) << 13)
            | ((address32 ? 1 : 0) << 14) | (w << 15) | (rb << 16);
        return Answer(code, position, p, end, Vex, vexKey, !(map == 1 && op == 0x77), out answer, ref slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Answer(byte[] code, int position, int p, int end, ushort[] table, int key, bool hasModRm, out uint answer, ref Slot slot)
    {
        int block = table[key];
        if (block is 0 or SeenOnce)
        {
            // A form gets its block at its second sighting: data decoded as code makes many forms seen once.
            block = block == 0 ? MarkSeen(table, key) : NewBlock(table, key);
            if (block == 0)
            {
                answer = 0;
                return 0;
            }
        }

        return AnswerBlock(code, position, p, end, block, hasModRm, out answer, ref slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AnswerBlock(byte[] code, int position, int p, int end, int block, bool hasModRm, out uint answer, ref Slot slot)
    {
        var modrm = hasModRm ? code[p] : 0;
        var sibPossible = hasModRm && (modrm & 0xC7) == 0x04;
        var sibExtra = sibPossible && (code[p + 1] & 7) == 5 ? 4 : 0;
        answer = Blocks[block - 1]![modrm];
        var state = answer & 3;
        if (state == Unknown || state == Iced)
        {
            slot.Block = state == Unknown ? block : -1;
            slot.ModRm = modrm;
            slot.OpcodeEnd = p - position;
            slot.SibExtra = sibExtra;
            slot.SibPossible = sibPossible;
            return 0;
        }

        var length = p - position + (int)((answer >> 4) & 15) + (state == Valid ? sibExtra : 0);
        return length <= MaxLength && length <= end - position ? length : 0;
    }

    /// <summary>
    /// The length of a featureless instruction from the quick <paramref name="table"/> (0: use <see cref="Lookup"/>); <paramref name="quick"/>
    /// tells an invalid one and the end of a run. Needs no prefix handling: the table holds no instruction with a
    /// legacy prefix, so a prefix byte finds no answer there.
    /// </summary>
    /// <summary>
    /// The quick table, for a decode loop to read once and pass to <see cref="QuickLength"/>: ReadyToRun code reaches
    /// a static field through a helper call each time, which in the loop cost one call per instruction.
    /// </summary>
    public static byte[] QuickTable => Quick;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int QuickLength(byte[] table, byte[] code, int position, int end, out int quick)
    {
        // One 8-byte read and shifts instead of three dependent byte reads: the next instruction's start waits on this.
        var bytes = Unsafe.ReadUnaligned<ulong>(ref code[position]);
        var b0 = (int)bytes & 0xFF;
        var rex = (b0 & 0xF0) == 0x40 ? 1 : 0;
        bytes >>= rex << 3;
        var escape = (bytes & 0xFF) == 0x0F ? 1 : 0;
        bytes >>= escape << 3;
        quick = table[QuickIndex(b0, rex, escape, System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((ushort)bytes))];

        // Branch-free: a mispredicted branch here would stall the next instruction's decode.
        var sibBase = ((int)(bytes >> 16) & 7) == 5 ? 1 : 0;
        var length = (quick & 15) + ((quick >> 2) & (sibBase << 2));
        return length <= end - position ? length : 0;
    }

    public static bool QuickInvalidAnswer(int quick) => (quick & QuickInvalid) != 0;

    public static bool QuickEndsAnswer(int quick) => (quick & QuickEnds) != 0;

    /// <summary>Puts a featureless <see cref="Lookup"/> answer into the quick table when the instruction is of the kind it holds.</summary>
    public static void Remember(byte[] code, int position, uint answer, int length)
    {
        var b0 = code[position];
        var rex = (b0 & 0xF0) == 0x40 ? 1 : 0;
        var op = code[position + rex];
        var escape = op == 0x0F ? 1 : 0;
        var at = position + rex + escape;
        // Not for a legacy prefix, a second REX (its ModRM is not where the table looks), another map, VEX/EVEX/XOP.
        if (Prefix[b0] != 0 || (op & 0xF0) == 0x40 || (escape == 1 && code[at] is 0x38 or 0x3A or 0x0F)
            || op is 0xC4 or 0xC5 or 0x62 or 0x8F || ((answer & 3) == Valid && Mask(answer) != 0))
        {
            return;
        }

        var sibExtra = (answer & SibBit) != 0 && (code[at + 2] & 7) == 5 ? 4 : 0;
        var quick = (length - sibExtra) | ((answer & SibBit) != 0 ? QuickSib : 0) | (Ends(answer) ? QuickEnds : 0) | (IsInvalid(answer) ? QuickInvalid : 0);
        Volatile.Write(ref Quick[QuickIndex(b0, rex, escape, (code[at] << 8) | code[at + 1])], (byte)quick);
    }

    /// <summary>The quick table's plane (no REX, or REX with W/R as 1-4; one-byte or 0F opcode), then opcode and next byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int QuickIndex(int b0, int rex, int escape, int opcodeAndNext) => (((rex * (1 + ((b0 >> 2) & 3))) << 1 | escape) << 16) | opcodeAndNext;

    public static bool IsInvalid(uint answer) => (answer & 3) == Invalid;

    public static bool Ends(uint answer) => (answer & EndsBit) != 0;

    public static ulong Mask(uint answer) => Masks[answer >> 8];

    /// <summary>Remembers Iced's answer for a form <see cref="Lookup"/> did not know (only from a decode that had every byte it could need).</summary>
    public static void Learn(in Slot slot, bool invalid, int consumed, ulong mask, bool ends)
    {
        if (slot.Block <= 0)
        {
            return;
        }

        uint answer;
        if (invalid)
        {
            // Iced stopped at the opcode or the byte after it (it reads one for every invalid opcode, ModRM or not, and
            // ignores what it says): that much of the form was read, so it stops there every time.
            var tail = consumed - slot.OpcodeEnd;
            answer = tail is 0 or 1 ? Invalid | ((uint)tail << 4) : Iced;
        }
        else
        {
            var tail = consumed - slot.OpcodeEnd - slot.SibExtra;
            var index = tail is >= 0 and <= MaxLength ? IndexOf(mask) : -1;
            answer = index < 0 ? Iced : Valid | (ends ? EndsBit : 0) | (slot.SibPossible ? SibBit : 0) | ((uint)tail << 4) | ((uint)index << 8);
        }

        Volatile.Write(ref Blocks[slot.Block - 1]![slot.ModRm], (ushort)answer);
    }

    private static int IndexOf(ulong mask)
    {
        lock (Gate)
        {
            if (MaskIndex.TryGetValue(mask, out var index))
            {
                return index;
            }

            if (maskCount == MaxMasks)
            {
                return -1;
            }

            Masks[maskCount] = mask;
            MaskIndex[mask] = maskCount;
            return maskCount++;
        }
    }

    private static int MarkSeen(ushort[] table, int key)
    {
        Volatile.Write(ref table[key], SeenOnce);
        return 0;
    }

    private static int MarkSeen(int evexKey)
    {
        if (Evex.Count < MaxEvexKeys)
        {
            Evex.TryAdd(evexKey, SeenOnce);
        }

        return 0;
    }

    private static int NewBlock(ushort[] table, int key)
    {
        lock (Gate)
        {
            if (table[key] is not (0 or SeenOnce))
            {
                return table[key];
            }

            var block = AllocateBlock();
            if (block > 0)
            {
                Volatile.Write(ref table[key], (ushort)block);
            }

            return block;
        }
    }

    private static int NewEvexBlock(int key)
    {
        lock (Gate)
        {
            if (Evex.TryGetValue(key, out var block) && block != SeenOnce)
            {
                return block;
            }

            block = AllocateBlock();
            if (block > 0)
            {
                Evex[key] = block;
            }

            return block;
        }
    }

    /// <summary>A new block of unknown answers (under <see cref="Gate"/>), or 0 past <see cref="MaxForms"/>.</summary>
    private static int AllocateBlock()
    {
        if (blockCount == MaxForms)
        {
            return 0;
        }

        Blocks[blockCount] = new ushort[256];
        return ++blockCount;
    }

    private static byte[] BuildPrefixes()
    {
        var prefixes = new byte[256];
        prefixes[0x66] = P66;
        prefixes[0x67] = P67;
        prefixes[0xF0] = PLock;
        prefixes[0xF3] = PF3;
        prefixes[0xF2] = PF2;
        foreach (var segment in (byte[])[0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65])
        {
            prefixes[segment] = PSegment;
        }

        return prefixes;
    }

    /// <summary>Which opcodes of the one-byte, 0F, 0F38 and 0F3A maps have a ModRM byte in 64-bit mode (SDM vol. 2, tables ).</summary>
    private static bool[] BuildModRmMaps()
    {
        var maps = new bool[4 << 8];
        for (var op = 0; op < 256; op++)
        {
            maps[op] = op switch
            {
                < 0x40 => (op & 7) <= 3,
                0x62 or 0x63 or 0x69 or 0x6B => true,
                >= 0x80 and <= 0x8F => true,
                0xC0 or 0xC1 or 0xC4 or 0xC5 or 0xC6 or 0xC7 => true,
                >= 0xD0 and <= 0xD3 => true,
                >= 0xD8 and <= 0xDF => true,
                0xF6 or 0xF7 or 0xFE or 0xFF => true,
                _ => false,
            };
            maps[(1 << 8) | op] = op switch
            {
                0x04 or 0x05 or 0x06 or 0x07 or 0x08 or 0x09 or 0x0A or 0x0B or 0x0C or 0x0E => false,
                >= 0x30 and <= 0x37 => false,
                0x77 => false,
                >= 0x80 and <= 0x8F => false,
                0xA0 or 0xA1 or 0xA2 or 0xA8 or 0xA9 or 0xAA => false,
                >= 0xC8 and <= 0xCF => false,
                _ => true,
            };
            maps[(2 << 8) | op] = true;
            maps[(3 << 8) | op] = true;
        }

        return maps;
    }
}
