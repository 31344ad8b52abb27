using System.Buffers.Binary;
using System.Text;

namespace Tfwheel.Verify.Binaries;

/// <summary>Bounds-checked reads of header fields in either byte order.</summary>
internal static class Bytes
{
    public static ushort U16(ReadOnlySpan<byte> s, long offset, bool bigEndian)
    {
        var field = Field(s, offset, 2);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(field) : BinaryPrimitives.ReadUInt16LittleEndian(field);
    }

    public static uint U32(ReadOnlySpan<byte> s, long offset, bool bigEndian)
    {
        var field = Field(s, offset, 4);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
    }

    public static ulong U64(ReadOnlySpan<byte> s, long offset, bool bigEndian)
    {
        var field = Field(s, offset, 8);
        return bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(field) : BinaryPrimitives.ReadUInt64LittleEndian(field);
    }

    /// <summary>
    /// The longest name kept: PATH_MAX on Linux (linux/limits.h), four times macOS's. Library names all point
    /// into one string table, so without a bound 4096 names at one offset would each copy the whole table.
    /// </summary>
    public const int MaxString = 4096;

    /// <summary>
    /// A NUL-terminated string starting at <paramref name="offset"/>, ending at the NUL or the span's end;
    /// longer than <paramref name="max"/> bytes is malformed.
    /// </summary>
    public static string CString(ReadOnlySpan<byte> s, long offset, int max = MaxString)
    {
        if (offset < 0 || offset >= s.Length)
        {
            throw new MalformedBinaryException($"a string offset {offset} points outside its {s.Length}-byte table");
        }

        var rest = s[(int)offset..];
        var end = rest.IndexOf((byte)0);
        var length = end < 0 ? rest.Length : end;
        if (length > max)
        {
            throw new MalformedBinaryException($"a string at offset {offset} runs {length} bytes, longer than the {max} a name may have");
        }

        return Encoding.UTF8.GetString(rest[..length]);
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> s, long offset, int size)
    {
        if (offset < 0 || offset > s.Length - size)
        {
            throw new MalformedBinaryException($"a {size}-byte field at offset {offset} lies outside the {s.Length} bytes read");
        }

        return s.Slice((int)offset, size);
    }
}
