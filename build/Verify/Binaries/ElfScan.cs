namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Streams an ELF file (glibc elf.h). The section headers sit at the end of the file, so this reader
/// never uses them: it reads the program headers right after the ELF header, then the PT_DYNAMIC
/// segment and PT_INTERP. The dynamic entries name the string table and .gnu.version_r by virtual
/// address, mapped to file offsets through PT_LOAD (elf(5)). Linkers place those tables in the first
/// read-only segment, before the dynamic section, so the reader keeps a bounded copy of the file's
/// first bytes (up to the dynamic segment, at most <see cref="MaxPrefix"/>); a table after the
/// dynamic segment is simply captured as it streams by. A table outside both is reported, not guessed.
/// </summary>
internal sealed class ElfScan(ByteRangeTap tap, long fileLength, bool rereadable = false)
{
    // The tables come first in every linker's layout and each is read only up to MaxTable: past 16 MiB the prefix
    // would hold relocations and read-only data (bench verify-parallel: same report, 20 MiB less at the peak).
    public const long MaxPrefix = 16L << 20;
    private const int MaxTable = 16 << 20;
    private const int MaxDynamic = 1 << 20;
    private const int MaxRpathText = 64 << 10;

    private readonly List<(ulong Offset, ulong Vaddr, ulong FileSize)> loads = [];
    private readonly List<LinkedLibrary> needed = [];
    private readonly Dictionary<string, Version> versionNeeds = [];
    private readonly List<string> rpaths = [];
    private BinarySlice? slice;
    private string? interpreter;
    private string? soname;
    private ElfIsaScan? isa;

    public BinarySlice? Slice => slice is null ? null : slice with
    {
        Interpreter = interpreter,
        InstallName = soname,
        Libraries = needed,
        Rpaths = rpaths,
        VersionNeeds = versionNeeds,
        Isa = isa?.Result(),
    };

    /// <summary>After the first read: the offset a second read must reach (0: none), its ranges asked of <paramref name="rewound"/> (<see cref="ElfIsaScan.SecondPass"/>).</summary>
    public long SecondPass(ByteRangeTap rewound) => isa?.SecondPass(rewound) ?? 0;

    public void Start()
    {
        tap.RetainPrefix(Math.Min(MaxPrefix, fileLength));
        tap.Request(0, (int)Math.Min(64, fileLength), ReadHeader, "ELF header");
    }

    private void ReadHeader(byte[] h)
    {
        if (h.Length < 52)
        {
            throw new MalformedBinaryException($"the file is {h.Length} bytes, shorter than an ELF header");
        }

        var elfClass = h[4] switch { 1 => 32, 2 => 64, _ => throw new MalformedBinaryException($"EI_CLASS {h[4]} is neither 1 (32-bit) nor 2 (64-bit)") };
        var big = h[5] switch { 1 => false, 2 => true, _ => throw new MalformedBinaryException($"EI_DATA {h[5]} is neither 1 (LSB) nor 2 (MSB)") };
        var is64 = elfClass == 64;
        var machine = Bytes.U16(h, 18, big);
        slice = new BinarySlice { Arch = ElfMachines.Name(machine), ElfClass = elfClass, LittleEndian = !big };
        isa = ElfIsaScan.For(tap, fileLength, slice.Arch, is64, big, rereadable);
        isa?.Header(h);
        var phoff = is64 ? Bytes.U64(h, 0x20, big) : Bytes.U32(h, 0x1C, big);
        var phentsize = Bytes.U16(h, is64 ? 0x36 : 0x2A, big);
        var phnum = Bytes.U16(h, is64 ? 0x38 : 0x2C, big);
        var tableSize = (long)phentsize * phnum;
        if (phnum == 0)
        {
            tap.LimitPrefix(0);
            return;
        }

        if (phentsize < (is64 ? 56 : 32) || tableSize > MaxDynamic || tableSize > fileLength || phoff > (ulong)(fileLength - tableSize))
        {
            throw new MalformedBinaryException($"the program header table ({phnum} x {phentsize} bytes at {phoff}) does not fit in the {fileLength}-byte file");
        }

        tap.Request((long)phoff, (int)tableSize, t => ReadProgramHeaders(t, phnum, phentsize, is64, big), "program headers");
    }

    private void ReadProgramHeaders(byte[] t, int count, int entrySize, bool is64, bool big)
    {
        (ulong Offset, ulong Size)? dynamic = null, interp = null;
        (ulong Offset, ulong Size, uint Flags)? first = null;
        for (var i = 0; i < count; i++)
        {
            var at = (long)i * entrySize;
            var type = Bytes.U32(t, at, big);
            var offset = is64 ? Bytes.U64(t, at + 8, big) : Bytes.U32(t, at + 4, big);
            var vaddr = is64 ? Bytes.U64(t, at + 16, big) : Bytes.U32(t, at + 8, big);
            var fileSize = is64 ? Bytes.U64(t, at + 32, big) : Bytes.U32(t, at + 16, big);
            switch (type)
            {
                case 1:
                    var flags = Bytes.U32(t, at + (is64 ? 4 : 24), big);
                    first = first is { } f && f.Offset <= offset ? first : (offset, fileSize, flags);
                    loads.Add((offset, vaddr, fileSize));
                    isa?.Load(offset, vaddr, fileSize, is64 ? Bytes.U32(t, at + 4, big) : 0);
                    break;
                case 2: dynamic = (offset, fileSize); break;
                case 3: interp = (offset, fileSize); break;
                case 0x6474e550: isa?.EhFrameHeader(offset, vaddr, fileSize); break;
            }
        }

        // The dynamic symbol and string tables (and .gnu.version_r) sit in the first PT_LOAD; when that one is
        // read-only, as GNU ld (-z separate-code, the x86-64 default since binutils 2.31) and lld lay libraries out,
        // keeping the prefix past it only costs memory. gold puts all in one R+X segment: PT_DYNAMIC bounds it there.
        if (first is { } load && (load.Flags & 1) == 0 && load.Offset == 0)
        {
            tap.LimitPrefix((long)Math.Min(load.Size, (ulong)fileLength));
        }

        isa?.Begin();
        if (interp is { } i2 && InFile(i2.Offset, 1))
        {
            tap.Request((long)i2.Offset, (int)Math.Min(i2.Size, 4096UL), b => interpreter = Bytes.CString(b, 0), "PT_INTERP");
        }

        if (dynamic is not { } d)
        {
            tap.LimitPrefix(0);
            return;
        }

        var entry = is64 ? 16 : 8;
        var length = (int)Math.Min(d.Size, (ulong)MaxDynamic) / entry * entry;
        if (!InFile(d.Offset, (ulong)length))
        {
            throw new MalformedBinaryException($"PT_DYNAMIC ({d.Size} bytes at {d.Offset}) lies outside the {fileLength}-byte file");
        }

        tap.LimitPrefix((long)d.Offset);
        tap.Request((long)d.Offset, length, b => ReadDynamic(b, is64, big), "PT_DYNAMIC");
    }

    private void ReadDynamic(byte[] b, bool is64, bool big)
    {
        var tags = ElfDynamic.Parse(b, is64, big);
        if (tags.StringTable is not { } strVaddr)
        {
            return;
        }

        var strOffset = FileOffset(strVaddr) ?? throw new MalformedBinaryException($"DT_STRTAB 0x{strVaddr:x} is not inside any PT_LOAD segment");
        var strSize = (int)Math.Min(tags.StringTableSize ?? (ulong)MaxTable, (ulong)MaxTable);
        strSize = (int)Math.Min(strSize, fileLength - (long)strOffset);
        tap.Request((long)strOffset, strSize, strings =>
        {
            isa?.Dynamic(b, strings, FileOffset);
            soname = tags.SoName is { } s ? Bytes.CString(strings, (long)s) : null;
            needed.AddRange(tags.Needed.Select(n => new LinkedLibrary(Bytes.CString(strings, (long)n), "needed")));
            var path = tags.RunPath ?? tags.RPath;
            if (path is { } p)
            {
                var list = Bytes.CString(strings, (long)p, MaxRpathText).Split(':', StringSplitOptions.RemoveEmptyEntries);
                rpaths.AddRange(list.Length <= MachOLoadCommands.MaxRpaths ? list
                    : throw new MalformedBinaryException($"DT_RUNPATH/DT_RPATH lists {list.Length} directories; more than the {MachOLoadCommands.MaxRpaths} tfwheel reads"));
            }

            if (tags.VersionNeed is { } vn && tags.VersionNeedCount is { } vnCount && FileOffset(vn) is { } vnOffset)
            {
                // Without section headers the table's size is unknown: take up to 64 KiB of what can still be had.
                var vnLength = (int)Math.Min(64 << 10, tap.Available((long)vnOffset, fileLength));
                tap.Request((long)vnOffset, vnLength, table => ElfVersionNeeds.Collect(table, vnCount, big, strings, versionNeeds), ".gnu.version_r");
            }
        }, "dynamic string table");
    }

    private ulong? FileOffset(ulong vaddr)
    {
        foreach (var (offset, start, size) in loads)
        {
            if (vaddr >= start && vaddr - start < size)
            {
                var fileOffset = offset + (vaddr - start);
                return fileOffset < (ulong)fileLength ? fileOffset : null;
            }
        }

        return null;
    }

    private bool InFile(ulong offset, ulong size) => offset <= (ulong)fileLength && size <= (ulong)fileLength - offset;
}
