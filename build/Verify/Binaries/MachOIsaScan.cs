namespace Tfwheel.Verify.Binaries;

/// <summary>
/// The instruction-set audit of one Mach-O image (thin file or fat slice) while it streams (loader.h,
/// cctools-1035): code = the sections flagged S_ATTR_PURE_INSTRUCTIONS or S_ATTR_SOME_INSTRUCTIONS
/// (__text, __stubs, ...); functions = LC_FUNCTION_STARTS (ULEB128 deltas from the __TEXT segment's
/// address), named through LC_SYMTAB. Both tables sit in __LINKEDIT, after the code, so they are captured
/// as they stream by; each is capped at <see cref="MaxTable"/> bytes.
/// </summary>
internal sealed class MachOIsaScan(ByteRangeTap tap, long sliceStart, long sliceLength, string arch)
{
    public const int MaxTable = 16 << 20;
    private const uint LcSymtab = 0x2;
    private const uint LcSegment64 = 0x19;
    private const uint LcFunctionStarts = 0x26;
    private const uint InstructionAttributes = 0x8000_0400;

    private readonly CodeAudit audit = CodeAudit.For(arch)!;
    private readonly FunctionTable functions = new();
    private readonly HashSet<int> codeSections = [];
    private byte[]? symbols;
    private byte[]? strings;
    private IsaUsage? result;

    /// <summary>Null when the audit does not apply (another architecture, 32-bit, big-endian).</summary>
    public static MachOIsaScan? For(ByteRangeTap tap, long start, long length, string arch, bool is64, bool big) =>
        is64 && !big && CodeAudit.For(arch) is not null ? new MachOIsaScan(tap, start, length, arch) : null;

    public void Start(ReadOnlySpan<byte> commands, uint ncmds)
    {
        ulong textBase = 0;
        var section = 0;
        var ranges = new List<(long Offset, ulong Address, long Size)>();
        long at = 0;
        for (var i = 0; i < ncmds && at + 8 <= commands.Length; i++)
        {
            var cmd = Bytes.U32(commands, at, false);
            var size = Bytes.U32(commands, at + 4, false);
            if (size < 8 || at + size > commands.Length)
            {
                return;
            }

            var body = commands.Slice((int)at, (int)size);
            switch (cmd)
            {
                case LcSegment64 when body.Length >= 72:
                    var segment = Bytes.CString(body[8..24].ToArray(), 0);
                    textBase = segment == "__TEXT" ? Bytes.U64(body, 24, false) : textBase;
                    var count = Bytes.U32(body, 64, false);
                    for (var s = 0; s < count && 72 + ((s + 1) * 80) <= body.Length; s++)
                    {
                        var sect = body.Slice(72 + (s * 80), 80);
                        section++;
                        var (address, length, offset, flags) = (Bytes.U64(sect, 32, false), Bytes.U64(sect, 40, false), Bytes.U32(sect, 48, false), Bytes.U32(sect, 64, false));
                        if ((flags & InstructionAttributes) != 0 && length > 0 && offset > 0 && length <= (ulong)sliceLength && offset + length <= (ulong)sliceLength)
                        {
                            codeSections.Add(section);
                            ranges.Add((offset, address, (long)length));
                        }
                    }

                    break;
                case LcFunctionStarts:
                    var (dataOff, dataSize) = (Bytes.U32(body, 8, false), Bytes.U32(body, 12, false));
                    Capture(dataOff, dataSize, data => FunctionStarts(data, textBase), "LC_FUNCTION_STARTS");
                    break;
                case LcSymtab:
                    var (symOff, nsyms, strOff, strSize) = (Bytes.U32(body, 8, false), Bytes.U32(body, 12, false), Bytes.U32(body, 16, false), Bytes.U32(body, 20, false));
                    Capture(symOff, (ulong)nsyms * 16, data => symbols = data, "symbol table");
                    Capture(strOff, strSize, data => strings = data, "string table");
                    break;
            }

            at += size;
        }

        foreach (var (offset, address, size) in CodeAudit.Disjoint(ranges.Select(r => ((ulong)r.Offset, r.Address, (ulong)r.Size))))
        {
            audit.Stream(tap, sliceStart + (long)offset, address, (long)size, $"{arch} code section");
        }
    }

    public IsaUsage Result()
    {
        if (result is not null)
        {
            return result;
        }

        if (symbols is not null && strings is not null)
        {
            ReadSymbols(symbols, strings);
        }

        (symbols, strings) = (null, null);
        result = IsaAttribution.Build(audit, functions, IsaFeatures.ForArch(arch)!.Family);
        return result;
    }

    private void Capture(ulong offset, ulong size, Action<byte[]> onComplete, string what)
    {
        if (size > 0 && offset + size <= (ulong)sliceLength)
        {
            tap.Request(sliceStart + (long)offset, (int)Math.Min(size, MaxTable), onComplete, $"{arch} {what}");
        }
    }

    private void FunctionStarts(byte[] data, ulong textBase)
    {
        var address = textBase;
        var at = 0;
        while (at < data.Length)
        {
            ulong delta = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[at++];
                delta |= shift < 64 ? (ulong)(b & 0x7F) << shift : 0;
                shift += 7;
            }
            while ((b & 0x80) != 0 && at < data.Length);

            if (delta == 0)
            {
                return;
            }

            address += delta;
            functions.Add(address, 0, -1, -1, "LC_FUNCTION_STARTS");
        }
    }

    private void ReadSymbols(byte[] table, byte[] names)
    {
        var index = functions.Strings(names);
        for (var at = 0; at + 16 <= table.Length; at += 16)
        {
            var strx = Bytes.U32(table, at, false);
            var type = table[at + 4];
            var sect = table[at + 5];
            if ((type & 0xE0) != 0 || strx == 0 || strx >= names.Length)
            {
                continue; // debugging (stab) entries, nameless symbols
            }

            if ((type & 0x0E) == 0x0E && codeSections.Contains(sect))
            {
                functions.Add(Bytes.U64(table, at + 8, false), 0, index, (int)strx, "symbols");
            }
            else if ((type & 0x0E) == 0 && (type & 1) != 0)
            {
                var name = Bytes.CString(names, strx);
                functions.Import(name.StartsWith('_') ? name[1..] : name);
            }
        }
    }
}
