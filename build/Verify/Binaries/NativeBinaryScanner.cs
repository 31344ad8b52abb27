using System.Buffers.Binary;

namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Fed the bytes of one file front to back (the same chunks that feed its RECORD hash), tells whether
/// it is a native binary by its magic number and reads its headers on the way. Never throws on bad
/// input: what cannot be read becomes a problem on the returned <see cref="NativeBinary"/>.
/// Cost for a file that is not a binary: looking at its first four bytes.
/// </summary>
public sealed class NativeBinaryScanner
{
    private readonly string path;
    private readonly long length;
    private readonly ByteRangeTap tap = new();
    private readonly List<string> problems = [];
    private readonly byte[] magic = new byte[4];
    private int magicLength;
    private string? format;
    private MachOScan? macho;
    private ElfScan? elf;
    private bool failed;

    /// <param name="length">The file's length as the archive states it; ranges are checked against it.</param>
    public NativeBinaryScanner(string path, long length)
    {
        this.path = path;
        this.length = length;
    }

    /// <summary>False once the file is known not to be a native binary: the caller may stop feeding.</summary>
    public bool Interested => magicLength < 4 || (format is not null && !failed);

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (magicLength < 4)
        {
            var take = Math.Min(4 - magicLength, chunk.Length);
            chunk[..take].CopyTo(magic.AsSpan(magicLength));
            magicLength += take;
            if (magicLength < 4)
            {
                return;
            }

            Begin();
            if (format is null)
            {
                return;
            }

            // Replay the magic bytes that arrived in earlier chunks, then the rest of this one.
            var earlier = magicLength - take;
            FeedTap(magic.AsSpan(0, earlier));
        }

        if (format is not null && !failed)
        {
            FeedTap(chunk);
        }
    }

    /// <summary>The binary read, or null when the file is not a native binary (a Java class file is not).</summary>
    public NativeBinary? Complete()
    {
        if (format is null)
        {
            return null;
        }

        if (!failed)
        {
            Guard(tap.End);
        }

        tap.Release();

        if (macho is { IsJavaClass: true })
        {
            return null;
        }

        problems.AddRange(tap.Missed);
        IReadOnlyList<BinarySlice> slices = macho?.Slices ?? (elf?.Slice is { } s ? [s] : []);
        return new NativeBinary(path, format, slices, problems.Distinct().ToList());
    }

    private void Begin()
    {
        if (MachOScan.HeaderKind(BinaryPrimitives.ReadUInt32LittleEndian(magic)) is not null)
        {
            format = NativeBinary.MachO;
            macho = new MachOScan(tap, length, problems);
            Guard(macho.StartThin);
            return;
        }

        var m = BinaryPrimitives.ReadUInt32BigEndian(magic);
        switch (m)
        {
            case 0xCAFEBABE or 0xCAFEBABF:
                format = NativeBinary.MachOFat;
                macho = new MachOScan(tap, length, problems);
                Guard(() => macho.StartFat(is64: m == 0xCAFEBABF));
                break;
            case 0x7F454C46:
                format = NativeBinary.Elf;
                elf = new ElfScan(tap, length);
                Guard(elf.Start);
                break;
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (MalformedBinaryException e)
        {
            problems.Add(e.Message);
            failed = true;
        }
    }

    private void FeedTap(ReadOnlySpan<byte> chunk)
    {
        if (failed)
        {
            return;
        }

        try
        {
            tap.Feed(chunk);
        }
        catch (MalformedBinaryException e)
        {
            problems.Add(e.Message);
            failed = true;
        }
    }
}
