namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Reads the load commands of one Mach-O image (values from Apple's mach-o/loader.h, cctools-1035).
/// Pure: bytes in, facts out; throws <see cref="MalformedBinaryException"/> on anything out of bounds.
/// </summary>
internal static class MachOLoadCommands
{
    private const uint LcSymtab = 0x2;
    private const uint LcLoadDylib = 0xC;
    private const uint LcIdDylib = 0xD;
    private const uint LcLoadWeakDylib = 0x80000018;
    private const uint LcRpath = 0x8000001C;
    private const uint LcReexportDylib = 0x8000001F;
    private const uint LcLazyLoadDylib = 0x20;
    private const uint LcLoadUpwardDylib = 0x80000023;
    private const uint LcVersionMinMacosx = 0x24;
    private const uint LcBuildVersion = 0x32;
    private const uint LcCodeSignature = 0x1D;

    /// <summary>Real libraries load tens and search a few paths; past these the image is hostile, not a library to check partly.</summary>
    public const int MaxLibraries = ElfDynamic.MaxNeeded;

    /// <inheritdoc cref="MaxLibraries"/>
    public const int MaxRpaths = 256;

    /// <summary>What the load commands say, plus where the symbol string table lies (for the $NEWLAPACK scan).</summary>
    public sealed record Parsed(BinarySlice Slice, long StringTableOffset, long StringTableSize);

    public static Parsed Parse(ReadOnlySpan<byte> commands, uint ncmds, bool bigEndian, string arch)
    {
        var libraries = new List<LinkedLibrary>();
        var rpaths = new List<string>();
        string? id = null;
        int? platform = null;
        Version? minOs = null;
        long strOff = 0, strSize = 0;
        var signed = false;
        long at = 0;
        for (var i = 0; i < ncmds; i++)
        {
            var cmd = Bytes.U32(commands, at, bigEndian);
            var size = Bytes.U32(commands, at + 4, bigEndian);
            if (size < 8 || at + size > commands.Length)
            {
                throw new MalformedBinaryException($"load command {i} (0x{cmd:x}) claims {size} bytes; only {commands.Length - at} remain of sizeofcmds");
            }

            var body = commands.Slice((int)at, (int)size);
            switch (cmd)
            {
                case LcLoadDylib: libraries.Add(new LinkedLibrary(NameAt(body, bigEndian), "load")); break;
                case LcLoadWeakDylib: libraries.Add(new LinkedLibrary(NameAt(body, bigEndian), "weak")); break;
                case LcReexportDylib: libraries.Add(new LinkedLibrary(NameAt(body, bigEndian), "reexport")); break;
                case LcLazyLoadDylib: libraries.Add(new LinkedLibrary(NameAt(body, bigEndian), "lazy")); break;
                case LcLoadUpwardDylib: libraries.Add(new LinkedLibrary(NameAt(body, bigEndian), "upward")); break;
                case LcIdDylib: id = NameAt(body, bigEndian); break;
                case LcRpath: rpaths.Add(NameAt(body, bigEndian)); break;
                case LcBuildVersion:
                    platform = (int)Bytes.U32(body, 8, bigEndian);
                    minOs = Nibbles(Bytes.U32(body, 12, bigEndian));
                    break;
                case LcVersionMinMacosx:
                    // Only macOS has this command (iOS uses 0x25), so it implies platform 1.
                    platform ??= 1;
                    minOs ??= Nibbles(Bytes.U32(body, 8, bigEndian));
                    break;
                case LcCodeSignature: signed = true; break;
                case LcSymtab:
                    strOff = Bytes.U32(body, 16, bigEndian);
                    strSize = Bytes.U32(body, 20, bigEndian);
                    break;
            }

            at += size;
            if (libraries.Count > MaxLibraries || rpaths.Count > MaxRpaths)
            {
                throw new MalformedBinaryException($"the {arch} image has more than {MaxLibraries} libraries or {MaxRpaths} LC_RPATH commands (load command {i} of {ncmds})");
            }
        }

        var slice = new BinarySlice
        {
            Arch = arch,
            Platform = platform,
            MinOs = minOs,
            InstallName = id,
            Libraries = libraries,
            Rpaths = rpaths,
            Signed = signed,
        };
        return new Parsed(slice, strOff, strSize);
    }

    /// <summary>"X.Y.Z is encoded in nibbles xxxx.yy.zz" (loader.h); the patch level is dropped when zero.</summary>
    public static Version Nibbles(uint v) =>
        (v & 0xFF) == 0 ? new Version((int)(v >> 16), (int)((v >> 8) & 0xFF)) : new Version((int)(v >> 16), (int)((v >> 8) & 0xFF), (int)(v & 0xFF));

    private static string NameAt(ReadOnlySpan<byte> body, bool bigEndian)
    {
        // dylib_command and rpath_command both hold an lc_str: an offset from the start of the command.
        var offset = Bytes.U32(body, 8, bigEndian);
        if (offset < 12 || offset >= body.Length)
        {
            throw new MalformedBinaryException($"a load command's name offset {offset} lies outside its {body.Length} bytes");
        }

        return Bytes.CString(body, offset);
    }
}
