namespace Tfwheel.Verify.Binaries;

/// <summary>The PT_DYNAMIC entries the verifier needs (tags from glibc elf.h), parsed up to DT_NULL.</summary>
internal sealed record ElfDynamic(
    IReadOnlyList<ulong> Needed, ulong? SoName, ulong? RPath, ulong? RunPath,
    ulong? StringTable, ulong? StringTableSize, ulong? VersionNeed, uint? VersionNeedCount)
{
    /// <summary>Real libraries need tens; past this the file is hostile, not a library to check partly.</summary>
    public const int MaxNeeded = 4096;

    public static ElfDynamic Parse(ReadOnlySpan<byte> b, bool is64, bool big)
    {
        var needed = new List<ulong>();
        ulong? soname = null, rpath = null, runpath = null, strtab = null, strsz = null, verneed = null;
        uint? verneedNum = null;
        var entry = is64 ? 16 : 8;
        for (var at = 0; at + entry <= b.Length; at += entry)
        {
            var tag = is64 ? (long)Bytes.U64(b, at, big) : (int)Bytes.U32(b, at, big);
            var value = is64 ? Bytes.U64(b, at + 8, big) : Bytes.U32(b, at + 4, big);
            switch (tag)
            {
                case 0: return new ElfDynamic(needed, soname, rpath, runpath, strtab, strsz, verneed, verneedNum);
                case 1 when needed.Count < MaxNeeded: needed.Add(value); break;
                case 1: throw new MalformedBinaryException($"PT_DYNAMIC has more than {MaxNeeded} DT_NEEDED entries");
                case 5: strtab = value; break;
                case 10: strsz = value; break;
                case 14: soname = value; break;
                case 15: rpath = value; break;
                case 29: runpath = value; break;
                case 0x6ffffffe: verneed = value; break;
                case 0x6fffffff: verneedNum = (uint)Math.Min(value, 4096); break;
            }
        }

        return new ElfDynamic(needed, soname, rpath, runpath, strtab, strsz, verneed, verneedNum);
    }
}
