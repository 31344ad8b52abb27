using System.Buffers.Binary;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// Hand-laid binaries for the hostile cases of issue 11, laid out as cctools mach-o/fat.h and glibc elf.h
/// describe: a fat file of many slices, an ELF whose DT_NEEDED entries all point at one huge string.
/// </summary>
internal static class HostileBinaries
{
    /// <summary>A fat Mach-O (32-bit fat_arch table) holding <paramref name="count"/> copies of <paramref name="slice"/>, each at a multiple of 2^12 as lipo places them.</summary>
    public static byte[] Fat(byte[] slice, int count, uint cpuType = 0x01000007)
    {
        const int align = 12;
        var step = ((slice.Length + (1 << align) - 1) >> align) << align;
        var first = ((8 + (20 * count) + (1 << align) - 1) >> align) << align;
        var file = new byte[first + (step * count)];
        BinaryPrimitives.WriteUInt32BigEndian(file, 0xCAFEBABE);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(4), (uint)count);
        for (var i = 0; i < count; i++)
        {
            var entry = file.AsSpan(8 + (20 * i));
            var offset = first + (step * i);
            BinaryPrimitives.WriteUInt32BigEndian(entry, cpuType);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 3);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)slice.Length);
            BinaryPrimitives.WriteUInt32BigEndian(entry[16..], align);
            slice.CopyTo(file, offset);
        }

        return file;
    }

    /// <summary>
    /// An x86_64 ELF of exactly <paramref name="length"/> bytes: one PT_LOAD over the file, a PT_DYNAMIC with
    /// <paramref name="needed"/> DT_NEEDED entries all at string offset 0, and a string table filling the rest
    /// with 'a' and no NUL before its last byte.
    /// </summary>
    public static byte[] ElfWithOneHugeName(int needed, int length)
    {
        var file = new byte[length];
        ElfHeader(file, programHeaders: 2);
        var dynamicOffset = 64 + (2 * 56);
        var dynamicSize = (needed + 3) * 16;
        var strings = dynamicOffset + dynamicSize;
        ProgramHeader(file.AsSpan(64), 1, 0, (ulong)length); // PT_LOAD, vaddr = offset
        ProgramHeader(file.AsSpan(64 + 56), 2, (ulong)dynamicOffset, (ulong)dynamicSize); // PT_DYNAMIC
        var at = dynamicOffset;
        Dynamic(file, ref at, 5, (ulong)strings); // DT_STRTAB
        Dynamic(file, ref at, 10, (ulong)(length - strings)); // DT_STRSZ
        for (var i = 0; i < needed; i++)
        {
            Dynamic(file, ref at, 1, 0); // DT_NEEDED -> offset 0
        }

        file.AsSpan(strings, length - strings - 1).Fill((byte)'a');
        return file;
    }

    /// <summary>An x86_64 ELF of <paramref name="length"/> bytes of NOPs whose <paramref name="count"/> program headers each map the whole file as code (PT_LOAD, R+X).</summary>
    public static byte[] ElfWithOverlappingCode(int count, int length)
    {
        var file = new byte[length];
        file.AsSpan().Fill(0x90);
        ElfHeader(file, count);
        for (var i = 0; i < count; i++)
        {
            ProgramHeader(file.AsSpan(64 + (i * 56)), 1, 0, (ulong)length);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(64 + (i * 56) + 4), 5); // PF_R | PF_X
        }

        return file;
    }

    /// <summary>A 64-bit little-endian x86_64 ET_DYN header: program headers right after it, no section headers.</summary>
    private static void ElfHeader(byte[] file, int programHeaders)
    {
        file.AsSpan(0, 64).Clear();
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2; // ELFCLASS64
        file[5] = 1; // ELFDATA2LSB
        file[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(16), 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(18), 62); // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x20), 64); // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x34), 64); // e_ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x36), 56); // e_phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x38), (ushort)programHeaders); // e_phnum
    }

    private static void ProgramHeader(Span<byte> header, uint type, ulong offset, ulong size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, type);
        BinaryPrimitives.WriteUInt64LittleEndian(header[8..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], size);
        BinaryPrimitives.WriteUInt64LittleEndian(header[40..], size);
    }

    private static void Dynamic(byte[] file, ref int at, long tag, ulong value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(at + 8), value);
        at += 16;
    }
}
