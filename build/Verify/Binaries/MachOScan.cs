namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Streams a Mach-O file, thin or fat (cctools mach-o/fat.h, loader.h). What it needs lies front to
/// back: the fat header and its arch table, then for each slice (in offset order) the mach header and
/// the load commands right after it, then the slice's symbol string table (scanned for $NEWLAPACK,
/// never stored). So one forward pass with a few small captured ranges is enough.
/// </summary>
internal sealed class MachOScan(ByteRangeTap tap, long fileLength, List<string> problems)
{
    /// <summary>
    /// A bound on the arch table read (32 KiB at most), not a test of fatness: real fat files have a handful of
    /// slices. Whether 0xCAFEBABE starts a fat file or a Java class file (magic, then minor and major version)
    /// is decided by the slices' plausibility (<see cref="ReadArchTable"/>).
    /// </summary>
    public const uint MaxFatArchs = 1024;

    /// <summary>Real TF libraries carry tens of KB of load commands; anything past this is not a sane header.</summary>
    public const int MaxSizeOfCommands = 8 << 20;

    private static readonly byte[] NewLapack = "$NEWLAPACK"u8.ToArray();
    private readonly SortedDictionary<long, SliceResult> slices = [];
    private int links;

    public bool IsFat { get; private set; }

    /// <summary>Set when 0xCAFEBABE turned out to be a Java class file, not a fat Mach-O.</summary>
    public bool IsJavaClass { get; private set; }

    /// <summary>What a mach header's magic, read little-endian, says: 64-bit or not, and the byte order of its fields; null when it is no mach header.</summary>
    public static (bool Is64, bool BigEndian)? HeaderKind(uint magic) => magic switch
    {
        0xFEEDFACF => (true, false),
        0xCFFAEDFE => (true, true),
        0xFEEDFACE => (false, false),
        0xCEFAEDFE => (false, true),
        _ => null,
    };

    public IReadOnlyList<BinarySlice> Slices =>
        slices.Values.Where(s => s.Slice is not null).Select(s => s.Slice! with { UsesNewLapack = s.NewLapack, Isa = s.Isa?.Result() }).ToList();

    public void StartThin() => StartSlice(0, fileLength);

    public void StartFat(bool is64)
    {
        IsFat = true;
        tap.Request(0, 8, header =>
        {
            var count = Bytes.U32(header, 4, bigEndian: true);
            var entrySize = is64 ? 32 : 20;
            var tableEnd = 8 + ((long)count * entrySize);
            if (count == 0 || count > MaxFatArchs || tableEnd > fileLength)
            {
                if (ReadsAsClassVersion(count))
                {
                    IsJavaClass = true;
                    return;
                }

                problems.Add($"the fat header claims {count} architectures, whose table does not fit in the {fileLength}-byte file (at most {MaxFatArchs} are read)");
                return;
            }

            tap.Request(8, (int)(count * entrySize), table => ReadArchTable(table, count, is64, tableEnd), "fat arch table");
        }, "fat header");
    }

    /// <summary>A class file's minor and major version read as one number: majors run from 45 (JDK 1.0.2) up; minor is 0, 3 or 0xFFFF (preview).</summary>
    private static bool ReadsAsClassVersion(uint count) => (count & 0xFFFF) is >= 45 and <= 255;

    private void ReadArchTable(byte[] table, uint count, bool is64, long tableEnd)
    {
        var entries = new List<(long Offset, long Size, uint Align, string Arch, bool Known)>();
        for (var i = 0; i < count; i++)
        {
            var at = i * (is64 ? 32 : 20);
            var cpu = Bytes.U32(table, at, true);
            var sub = Bytes.U32(table, at + 4, true);
            var offset = is64 ? (long)Math.Min(Bytes.U64(table, at + 8, true), long.MaxValue / 2) : Bytes.U32(table, at + 8, true);
            var size = is64 ? (long)Math.Min(Bytes.U64(table, at + 16, true), long.MaxValue / 2) : Bytes.U32(table, at + 12, true);
            var align = Bytes.U32(table, at + (is64 ? 24 : 16), true);
            entries.Add((offset, size, align, MachOArchitectures.Name(cpu, sub), MachOArchitectures.IsKnown(cpu)));
        }

        // A slice of a CPU type Apple defines, lying inside the file, is what a fat file has and a class file's
        // constant pool (read as fat_arch entries) does not: without one, and with a count that reads as a class
        // version, the file is Java. Anything else is a fat file, checked slice by slice.
        if (!entries.Any(e => e.Known && e.Offset >= tableEnd && e.Offset + e.Size <= fileLength) && ReadsAsClassVersion(count))
        {
            IsJavaClass = true;
            return;
        }

        var inFile = new List<(long Offset, long Size, string Arch)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (offset, size, align, arch, _) = entries[i];
            if (offset < tableEnd || offset + size > fileLength)
            {
                problems.Add($"fat slice {i} ({arch}) claims bytes {offset}..{offset + size}, outside the {fileLength}-byte file");
            }
            else if (align > 15 || offset % (1L << (int)align) != 0)
            {
                // lipo places each slice at a multiple of 2^align (cctools misc/lipo.c); 2^15 is the largest it uses.
                problems.Add($"fat slice {i} ({arch}) at {offset} is not aligned to 2^{align}");
            }
            else
            {
                inFile.Add((offset, size, arch));
            }
        }

        long previousEnd = 0;
        foreach (var (offset, size, arch) in inFile.OrderBy(e => e.Offset))
        {
            if (offset < previousEnd)
            {
                problems.Add($"fat slice {arch} at {offset} overlaps the previous slice");
                continue;
            }

            previousEnd = offset + size;
            StartSlice(offset, size);
        }
    }

    private void StartSlice(long start, long length)
    {
        var result = new SliceResult();
        slices[start] = result;
        if (length < 28)
        {
            problems.Add($"the Mach-O image at {start} is {length} bytes, shorter than a mach header");
            return;
        }

        tap.Request(start, (int)Math.Min(32, length), header => ReadHeader(header, start, length, result), "mach header");
    }

    private void ReadHeader(byte[] header, long start, long length, SliceResult result)
    {
        var magic = Bytes.U32(header, 0, false);
        var (is64, big) = HeaderKind(magic) ?? throw new MalformedBinaryException($"the image at {start} has magic 0x{magic:x8}, not a Mach-O header");
        var arch = MachOArchitectures.Name(Bytes.U32(header, 4, big), Bytes.U32(header, 8, big));
        var ncmds = Bytes.U32(header, 16, big);
        var sizeOfCmds = Bytes.U32(header, 20, big);
        var headerSize = is64 ? 32 : 28;
        if (sizeOfCmds > MaxSizeOfCommands || sizeOfCmds > length - headerSize || ncmds > sizeOfCmds / 8)
        {
            throw new MalformedBinaryException($"the {arch} image claims {ncmds} load commands in {sizeOfCmds} bytes, which do not fit in its {length} bytes");
        }

        tap.Request(start + headerSize, (int)sizeOfCmds, commands =>
        {
            var parsed = MachOLoadCommands.Parse(commands, ncmds, big, arch);
            links += parsed.Slice.Libraries.Count + parsed.Slice.Rpaths.Count;
            if (links > MachOLoadCommands.MaxLibraries + MachOLoadCommands.MaxRpaths)
            {
                throw new MalformedBinaryException($"the slices together name more than {MachOLoadCommands.MaxLibraries + MachOLoadCommands.MaxRpaths} libraries and search paths");
            }

            result.Slice = parsed.Slice;
            result.Isa = MachOIsaScan.For(tap, start, length, arch, is64, big);
            result.Isa?.Start(commands, ncmds);
            if (parsed.StringTableSize > 0 && parsed.StringTableOffset + parsed.StringTableSize <= length)
            {
                tap.Watch(start + parsed.StringTableOffset, parsed.StringTableSize, NewLapack, () => result.NewLapack = true);
            }
        }, $"{arch} load commands");
    }

    private sealed class SliceResult
    {
        public BinarySlice? Slice { get; set; }

        public bool NewLapack { get; set; }

        public MachOIsaScan? Isa { get; set; }
    }
}
