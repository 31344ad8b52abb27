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
    private const int ChunkSize = 1 << 20;
    private readonly string path;
    private readonly long length;
    private readonly Func<Stream>? reopen;
    private readonly ByteRangeTap tap = new();
    private readonly List<string> problems = [];
    private readonly byte[] magic = new byte[4];
    private int magicLength;
    private string? format;
    private MachOScan? macho;
    private ElfScan? elf;
    private bool failed;

    /// <param name="length">The file's length as the archive states it; ranges are checked against it.</param>
    /// <param name="reopen">
    /// Opens the same bytes again from the start, for <see cref="CompleteAsync"/>'s second read. With it, the audit may
    /// stop decoding where a segment's code gives way to data (<see cref="ElfIsaScan"/>); without it, it decodes all.
    /// </param>
    public NativeBinaryScanner(string path, long length, Func<Stream>? reopen = null)
    {
        this.path = path;
        this.length = length;
        this.reopen = reopen;
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

    /// <summary>The binary read, or null when the file is not a native binary (a Java class file is not). Only for a scanner made without <c>reopen</c>.</summary>
    public NativeBinary? Complete()
    {
        if (reopen is not null)
        {
            throw new InvalidOperationException("a scanner that can read again completes with CompleteAsync");
        }

        if (format is not null && !failed)
        {
            Guard(tap.End);
        }

        return Finish();
    }

    /// <summary>
    /// <see cref="Complete"/>, after a second read of the file's first bytes when the audit stopped short of code the
    /// section headers place further on (at most the file once more, never past its stated length).
    /// </summary>
    public async Task<NativeBinary?> CompleteAsync(CancellationToken cancellation)
    {
        if (format is null || failed)
        {
            return Finish();
        }

        Guard(tap.End);
        tap.Release();
        var upTo = 0L;
        if (!failed && reopen is not null && elf is not null)
        {
            tap.Rewind();
            Guard(() => upTo = elf.SecondPass(tap));
        }

        if (upTo > 0 && !failed)
        {
            await using var stream = reopen!();
            var buffer = new byte[(int)Math.Min(upTo, ChunkSize)];
            long read = 0;
            int n;
            while (read < upTo && !failed && (n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, upTo - read)), cancellation)) > 0)
            {
                read += n;
                FeedTap(buffer.AsSpan(0, n));
            }

            Guard(tap.End);
        }

        return Finish();
    }

    private NativeBinary? Finish()
    {
        if (format is null)
        {
            return null;
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
                elf = new ElfScan(tap, length, rereadable: reopen is not null);
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
