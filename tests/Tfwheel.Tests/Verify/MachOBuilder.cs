using System.Buffers.Binary;
using System.Text;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// Writes a minimal thin 64-bit little-endian Mach-O (header, load commands, a symbol string table),
/// laid out as loader.h describes, for link cases the npm binaries do not have. Tests check llvm-objdump
/// reads it the same way, so it is a real Mach-O and not only one our reader accepts.
/// </summary>
internal sealed class MachOBuilder(uint cpuType = 0x0100000C, uint cpuSubtype = 0)
{
    private readonly List<byte[]> commands = [];
    private string strings = "\0";

    public MachOBuilder BuildVersion(uint platform, int major, int minor) =>
        Add(0x32, 24, c =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(8), platform);
            BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(12), (uint)((major << 16) | (minor << 8)));
            BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(16), (uint)((major << 16) | (minor << 8)));
        });

    /// <summary>An LC_CODE_SIGNATURE command (an empty signature blob: enough for the presence check).</summary>
    public MachOBuilder Signed() => Add(0x1D, 16, _ => { });

    public MachOBuilder Dylib(string name, uint cmd = 0xC) => Named(cmd, 24, name);

    public MachOBuilder Rpath(string path) => Named(0x8000001C, 12, path);

    public MachOBuilder Symbol(string name)
    {
        strings += name + "\0";
        return this;
    }

    public byte[] Build()
    {
        var stringBytes = Encoding.UTF8.GetBytes(strings);
        var symtab = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(symtab, 0x2);
        BinaryPrimitives.WriteUInt32LittleEndian(symtab.AsSpan(4), 24);
        var all = commands.Append(symtab).ToList();
        var sizeOfCmds = all.Sum(c => c.Length);
        var stroff = 32 + sizeOfCmds;
        BinaryPrimitives.WriteUInt32LittleEndian(symtab.AsSpan(8), (uint)stroff);
        BinaryPrimitives.WriteUInt32LittleEndian(symtab.AsSpan(16), (uint)stroff);
        BinaryPrimitives.WriteUInt32LittleEndian(symtab.AsSpan(20), (uint)stringBytes.Length);
        var file = new byte[stroff + stringBytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(file, 0xFEEDFACF);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), cpuType);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), cpuSubtype);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), 8); // MH_BUNDLE, as CPython extensions are
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), (uint)all.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), (uint)sizeOfCmds);
        var at = 32;
        foreach (var c in all)
        {
            c.CopyTo(file, at);
            at += c.Length;
        }

        stringBytes.CopyTo(file, stroff);
        return file;
    }

    private MachOBuilder Named(uint cmd, int fixedSize, string name)
    {
        var size = (fixedSize + Encoding.UTF8.GetByteCount(name) + 1 + 7) / 8 * 8;
        return Add(cmd, size, c =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(8), (uint)fixedSize);
            Encoding.UTF8.GetBytes(name).CopyTo(c, fixedSize);
        });
    }

    private MachOBuilder Add(uint cmd, int size, Action<byte[]> fill)
    {
        var c = new byte[size];
        BinaryPrimitives.WriteUInt32LittleEndian(c, cmd);
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(4), (uint)size);
        fill(c);
        commands.Add(c);
        return this;
    }
}
