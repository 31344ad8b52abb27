namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Streams a Mach-O file, thin or fat (cctools mach-o/fat.h, loader.h). What it needs lies front to
/// back: the fat header and its arch table, then for each slice (in offset order) the mach header and
/// the load commands right after it, then the slice's symbol string table (scanned for $NEWLAPACK,
/// never stored). So one forward pass with a few small captured ranges is enough.
/// </summary>
internal sealed class MachOScan(ByteRangeTap tap, long fileLength, List<string> problems)
{
    /// <summary>No real fat file has more; Java class files share 0xCAFEBABE and put their version (45+) here.</summary>
    public const uint MaxFatArchs = 30;

    /// <summary>Real TF libraries carry tens of KB of load commands; anything past this is not a sane header.</summary>
    public const int MaxSizeOfCommands = 8 << 20;

    private static readonly byte[] NewLapack = "$NEWLAPACK"u8.ToArray();
    private readonly SortedDictionary<long, SliceResult> slices = [];

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
            if (count == 0 || count > MaxFatArchs)
            {
                IsJavaClass = true;
                return;
            }

            var entrySize = is64 ? 32 : 20;
            var tableEnd = 8 + (count * entrySize);
            if (tableEnd > fileLength)
            {
                problems.Add($"the fat header claims {count} architectures, whose table does not fit in the {fileLength}-byte file");
                return;
            }

            tap.Request(8, (int)(count * entrySize), table => ReadArchTable(table, count, is64, tableEnd), "fat arch table");
        }, "fat header");
    }

    private void ReadArchTable(byte[] table, uint count, bool is64, long tableEnd)
    {
        var entries = new List<(long Offset, long Size, string Arch)>();
        for (var i = 0; i < count; i++)
        {
            var at = i * (is64 ? 32 : 20);
            var cpu = Bytes.U32(table, at, true);
            var sub = Bytes.U32(table, at + 4, true);
            var offset = is64 ? (long)Math.Min(Bytes.U64(table, at + 8, true), long.MaxValue / 2) : Bytes.U32(table, at + 8, true);
            var size = is64 ? (long)Math.Min(Bytes.U64(table, at + 16, true), long.MaxValue / 2) : Bytes.U32(table, at + 12, true);
            var arch = MachOArchitectures.Name(cpu, sub);
            if (offset < tableEnd || offset + size > fileLength)
            {
                problems.Add($"fat slice {i} ({arch}) claims bytes {offset}..{offset + size}, outside the {fileLength}-byte file");
                continue;
            }

            entries.Add((offset, size, arch));
        }

        long previousEnd = 0;
        foreach (var (offset, size, arch) in entries.OrderBy(e => e.Offset))
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
