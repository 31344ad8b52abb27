using System.Buffers.Binary;

namespace Tfwheel.Tests.Verify;

/// <summary>Byte-level edits of real Mach-O files, to make binaries no toolchain here can produce.</summary>
internal static class MachOPatch
{
    /// <summary>A thin little-endian 64-bit image with its cpusubtype set (0x80000002: arm64e with the pointer-auth ABI bit).</summary>
    public static byte[] WithCpuSubtype(byte[] thin, uint subtype)
    {
        var copy = thin.ToArray();
        Assert.Equal(0xFEEDFACFu, BinaryPrimitives.ReadUInt32LittleEndian(copy));
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(8), subtype);
        return copy;
    }

    /// <summary>A fat file's nfat_arch field overwritten (big-endian, like the whole fat header).</summary>
    public static byte[] WithFatArchCount(byte[] fat, uint count)
    {
        var copy = fat.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(4), count);
        return copy;
    }
}
