namespace Tfwheel.Verify.Binaries;

/// <summary>
/// The instruction-set audit of one ELF file while it streams (64-bit little-endian x86-64 and AArch64
/// only). Code: every PT_LOAD with PF_X, decoded as it passes. Functions: .dynsym through DT_SYMTAB (it
/// lies in the retained prefix, before the dynamic section) and .symtab when the section headers and the
/// symbol and string tables sit in the file's last <see cref="MaxTail"/> bytes after the loaded segments
/// (the usual layout: .symtab, .strtab, .shstrtab, then the section headers); a larger .symtab (debug
/// builds) is skipped and .dynsym alone names the functions.
/// <para>
/// A segment that starts at offset 0 also holds the headers and symbol tables before the code and, in gold's and old
/// GNU ld's layout, .rodata and .eh_frame after it: 117 of the 395 MB it decoded on the verify-parallel wheel. When
/// the file can be read again (<paramref name="rereadable"/>), the tables before the code go by undecoded while the
/// tap retains them, and decoding stops where the bytes stop looking like code (<see cref="CodeAudit.Stream"/>). The
/// section headers, which come last, tell whether code starts before or lies beyond what was decoded; if so, or if
/// they are missing, <see cref="SecondPass"/> asks for a second read that decodes the rest (or all the code again),
/// so the audit never misses code, it only skips data.
/// </para>
/// </summary>
internal sealed class ElfIsaScan(ByteRangeTap tap, long fileLength, string arch, bool rereadable)
{
    public const int MaxTail = 8 << 20;
    private const int MaxDynsym = 16 << 20;
    private const int MaxSectionHeaders = 1 << 20;

    private CodeAudit audit = CodeAudit.For(arch)!;
    private readonly FunctionTable functions = new();
    private List<(ulong Offset, ulong Address, ulong Length)> code = [];
    private ulong loadedEnd;
    private ulong sectionHeaders;
    private int sectionCount;
    private int sectionHeaderSize;
    private byte[]? sections;
    private (ulong Offset, ulong Vaddr, ulong Size)? watched;
    private byte[]? tail;
    private long tailStart;
    private IsaUsage? result;

    /// <summary>Null when the audit does not apply (another architecture, 32-bit, big-endian).</summary>
    public static ElfIsaScan? For(ByteRangeTap tap, long fileLength, string arch, bool is64, bool big, bool rereadable) =>
        is64 && !big && CodeAudit.For(arch) is not null ? new ElfIsaScan(tap, fileLength, arch, rereadable) : null;

    public void Header(byte[] h)
    {
        sectionHeaders = Bytes.U64(h, 0x28, false);
        sectionCount = Bytes.U16(h, 0x3C, false);
        sectionHeaderSize = Bytes.U16(h, 0x3A, false);
    }

    /// <summary>One PT_LOAD program header (p_flags bit 0 is PF_X).</summary>
    public void Load(ulong offset, ulong vaddr, ulong fileSize, uint flags)
    {
        if (offset > (ulong)fileLength || fileSize > (ulong)fileLength - offset)
        {
            return;
        }

        loadedEnd = Math.Max(loadedEnd, offset + fileSize);
        if ((flags & 1) != 0 && fileSize > 0)
        {
            code.Add((offset, vaddr, fileSize));
        }
    }

    /// <summary>PT_GNU_EH_FRAME: .eh_frame_hdr's sorted table holds the start of every function with unwind information.</summary>
    public void EhFrameHeader(ulong offset, ulong vaddr, ulong fileSize)
    {
        if (offset < (ulong)fileLength && fileSize >= 12 && fileSize <= (ulong)fileLength - offset)
        {
            tap.Request((long)offset, (int)Math.Min(fileSize, (ulong)MaxDynsym), b => ElfSymbols.ReadEhFrameHeader(b, vaddr, functions), ".eh_frame_hdr");
        }
    }

    /// <summary>All program headers are read: ask for the code and the tail.</summary>
    public void Begin()
    {
        code = CodeAudit.Disjoint(code);
        foreach (var (offset, vaddr, size) in code)
        {
            var untilData = rereadable && offset == 0;
            watched = untilData ? (offset, vaddr, size) : watched;
            audit.Stream(tap, (long)offset, vaddr, (long)size, "executable segment", untilData);
        }

        var headersSize = (long)sectionCount * ElfSymbols.SectionHeaderSize;
        if (watched is not null && sectionHeaderSize == ElfSymbols.SectionHeaderSize && sectionHeaders > 0 && sectionHeaders < (ulong)fileLength
            && headersSize is > 0 and <= MaxSectionHeaders
            && tap.Available((long)sectionHeaders, fileLength) >= headersSize)
        {
            tap.Request((long)sectionHeaders, (int)headersSize, b => sections = b, "ELF section headers");
        }

        tailStart = Math.Max((long)loadedEnd, fileLength - MaxTail);
        if (sectionHeaders > 0 && sectionCount > 0 && (long)sectionHeaders >= tailStart && tailStart < fileLength)
        {
            tap.Request(tailStart, (int)(fileLength - tailStart), b => tail = b, "ELF section headers and symbol table");
        }
    }

    /// <summary>The dynamic section and its string table arrived: read .dynsym (DT_SYMTAB up to DT_STRTAB, which follows it).</summary>
    public void Dynamic(byte[] dynamic, byte[] strings, Func<ulong, ulong?> fileOffset)
    {
        ulong? symtab = null, strtab = null;
        for (var at = 0; at + 16 <= dynamic.Length; at += 16)
        {
            var tag = Bytes.U64(dynamic, at, false);
            var value = Bytes.U64(dynamic, at + 8, false);
            if (tag == 0)
            {
                break;
            }

            symtab = tag == 6 ? value : symtab;
            strtab = tag == 5 ? value : strtab;
        }

        if (symtab is not { } s || strtab is not { } t || t <= s || fileOffset(s) is not { } offset)
        {
            return;
        }

        var size = (int)Math.Min(Math.Min(t - s, (ulong)MaxDynsym), (ulong)tap.Available((long)offset, fileLength));
        var table = functions.Strings(strings);
        tap.Request((long)offset, size / 24 * 24, symbols => ElfSymbols.Read(symbols, table, strings, functions), ".dynsym");
    }

    /// <summary>
    /// After the first read. When the section headers arrived, the watched segment's range shrinks to its code (from
    /// the first executable section to the end of the last), so the tables before the code and the data decoded after
    /// it belong to no function. A second read, through <paramref name="rewound"/> (the same tap, back at offset 0),
    /// is needed when decoding stopped before that end (or the headers are missing, so the end is unknown: then the
    /// segment's end): it decodes the rest; or when an executable section starts before the point where decoding
    /// began (or that is unknown): it decodes all the code again with a new audit. Returns the file offset the second
    /// read must reach; 0 when the first read saw all the code.
    /// </summary>
    public long SecondPass(ByteRangeTap rewound)
    {
        if (watched is not var (offset, vaddr, size))
        {
            return 0;
        }

        var span = sections is null ? null : ElfSymbols.ExecutableSpan(sections, vaddr, vaddr + size);
        sections = null;
        var end = span?.End ?? vaddr + size;
        long upTo = 0;
        if (audit.DecodedFrom is { } from && (span is not { } known || known.Start < from))
        {
            audit = audit.Fresh();
            foreach (var (o, v, s) in code)
            {
                var length = o == offset ? end - v : s;
                audit.Stream(rewound, (long)o, v, (long)length, "executable segment (second read)");
                upTo = Math.Max(upTo, (long)(o + length));
            }
        }
        else if (audit.StoppedAt is { } stop && end > stop)
        {
            var at = (long)(offset + (stop - vaddr));
            audit.Resume(rewound, at, stop, (long)(end - stop), "executable segment (second read)");
            upTo = at + (long)(end - stop);
        }

        if (span is { } executable)
        {
            audit.Clip(vaddr, vaddr + size, executable.Start, executable.End);
        }

        return upTo;
    }

    public IsaUsage Result()
    {
        if (result is not null)
        {
            return result;
        }

        if (tail is not null)
        {
            ElfSymbols.ReadSymtab(tail, tailStart, (long)sectionHeaders, sectionCount, functions);
            tail = null;
        }

        result = IsaAttribution.Build(audit, functions, IsaFeatures.ForArch(arch)!.Family);
        return result;
    }
}
