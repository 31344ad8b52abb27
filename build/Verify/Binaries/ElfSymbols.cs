namespace Tfwheel.Verify.Binaries;

/// <summary>Reads Elf64_Sym tables (glibc elf.h) into a <see cref="FunctionTable"/>: STT_FUNC and STT_GNU_IFUNC definitions, undefined imports.</summary>
internal static class ElfSymbols
{
    private const int SymbolSize = 24;
    public const int SectionHeaderSize = 64;

    public static void Read(ReadOnlySpan<byte> symbols, int table, byte[] strings, FunctionTable functions)
    {
        for (var at = 0; at + SymbolSize <= symbols.Length; at += SymbolSize)
        {
            var name = Bytes.U32(symbols, at, false);
            var type = symbols[at + 4] & 0xF;
            var section = Bytes.U16(symbols, at + 6, false);
            var value = Bytes.U64(symbols, at + 8, false);
            var size = Bytes.U64(symbols, at + 16, false);
            if (name >= strings.Length)
            {
                continue;
            }

            if (section == 0)
            {
                if (name > 0 && type is 0 or 1 or 2)
                {
                    functions.Import(Bytes.CString(strings, name));
                }

                continue;
            }

            if (type is 2 or 10)
            {
                functions.Add(value, size, table, (int)name, "symbols");
            }

            if (type == 10)
            {
                functions.Ifunc(Bytes.CString(strings, name));
            }
        }
    }

    /// <summary>
    /// .eh_frame_hdr (LSB "Exception Frame Header"): version 1, three pointer encodings, eh_frame_ptr,
    /// fde_count, then fde_count (initial location, FDE) pairs. Only the encoding linkers write for the
    /// table, DW_EH_PE_datarel|sdata4 (0x3B), is read; anything else is left alone.
    /// </summary>
    public static void ReadEhFrameHeader(byte[] header, ulong vaddr, FunctionTable functions)
    {
        static int Size(byte encoding) => (encoding & 0x0F) switch { 0x03 or 0x0B => 4, 0x04 or 0x0C => 8, _ => -1 };
        if (header[0] != 1 || header[3] != 0x3B || Size(header[1]) < 0 || Size(header[2]) != 4)
        {
            return;
        }

        var at = 4 + Size(header[1]);
        var count = Bytes.U32(header, at, false);
        at += 4;
        for (var i = 0L; i < count && at + 8 <= header.Length; i++, at += 8)
        {
            var start = vaddr + (ulong)(long)(int)Bytes.U32(header, at, false);
            functions.Add(start, 0, -1, -1, ".eh_frame_hdr");
        }
    }

    /// <summary>
    /// The addresses from the first section with code (SHF_EXECINSTR, not SHT_NOBITS) that starts inside
    /// [<paramref name="start"/>, <paramref name="end"/>) to the end of the last, clamped to that range; empty (start,
    /// start) when none does; null when the table has no entries.
    /// </summary>
    public static (ulong Start, ulong End)? ExecutableSpan(byte[] headers, ulong start, ulong end)
    {
        if (headers.Length < SectionHeaderSize)
        {
            return null;
        }

        var first = end;
        var last = start;
        for (var at = 0; at + SectionHeaderSize <= headers.Length; at += SectionHeaderSize)
        {
            var type = Bytes.U32(headers, at + 4, false);
            var flags = Bytes.U64(headers, at + 8, false);
            var address = Bytes.U64(headers, at + 16, false);
            var size = Bytes.U64(headers, at + 32, false);
            if ((flags & 4) != 0 && type != 8 && address >= start && address < end)
            {
                first = Math.Min(first, address);
                last = Math.Max(last, size > end - address ? end : address + size);
            }
        }

        return first < last ? (first, last) : (start, start);
    }

    /// <summary>Finds SHT_SYMTAB and its string table among the section headers held in <paramref name="tail"/>.</summary>
    public static void ReadSymtab(byte[] tail, long tailStart, long sectionHeaders, int count, FunctionTable functions)
    {
        var headers = sectionHeaders - tailStart;
        if (headers < 0 || headers + ((long)count * SectionHeaderSize) > tail.Length)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var at = headers + (i * SectionHeaderSize);
            if (Bytes.U32(tail, at + 4, false) != 2)
            {
                continue;
            }

            var link = Bytes.U32(tail, at + 40, false);
            if (Slice(tail, tailStart, at) is not { } symbols || link >= count || Slice(tail, tailStart, headers + (link * SectionHeaderSize)) is not { } strings)
            {
                return;
            }

            var stringsCopy = strings.ToArray();
            Read(symbols, functions.Strings(stringsCopy), stringsCopy, functions);
            return;
        }
    }

    private static ArraySegment<byte>? Slice(byte[] tail, long tailStart, long header)
    {
        var offset = (long)Bytes.U64(tail, header + 24, false) - tailStart;
        var size = (long)Bytes.U64(tail, header + 32, false);
        if (offset < 0 || size < 0 || offset > tail.Length || size > tail.Length - offset)
        {
            return null;
        }

        return new ArraySegment<byte>(tail, (int)offset, (int)size);
    }
}
