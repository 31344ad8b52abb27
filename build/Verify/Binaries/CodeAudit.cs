namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Decodes the executable bytes of one image as they stream past (linear sweep, range by range) and
/// records which features its instructions need. Memory: a 64 KiB window and the bounded
/// <see cref="FeatureRuns"/>; never the code itself.
/// </summary>
internal abstract class CodeAudit
{
    private readonly List<(ulong Start, ulong End)> ranges = [];
    private readonly long[] perFeature = new long[64];
    private DataWatch? watch;
    private (int Range, ulong Address)? stopped;
    private int current;
    private int watched = -1;

    public FeatureRuns Runs { get; } = new();

    public long CodeBytes { get; private set; }

    public long Instructions { get; private set; }

    public long Invalid { get; private set; }

    /// <summary>The decoded address ranges (executable sections or segments).</summary>
    public IReadOnlyList<(ulong Start, ulong End)> Ranges => ranges;

    public long InstructionsUsing(int bit) => perFeature[bit];

    public static CodeAudit? For(string arch) => IsaFeatures.ForArch(arch) switch
    {
        { } f when f == IsaFeatures.X86 => new X86CodeAudit(),
        { } f when f == IsaFeatures.Arm64 => new A64CodeAudit(),
        _ => null,
    };

    /// <summary>Where a range watched with <c>untilData</c> stopped: the first address not decoded (an instruction boundary).</summary>
    public ulong? StoppedAt => stopped?.Address;

    /// <summary>
    /// Decode file bytes [offset, offset+length), mapped at <paramref name="address"/>, as they stream through <paramref name="tap"/>.
    /// <paramref name="untilData"/>: stop decoding where the bytes stop looking like code after looking like it
    /// (<see cref="WindowDecoded"/>); the caller checks <see cref="StoppedAt"/> against the section headers and
    /// <see cref="Resume"/>s in a second pass when code lies beyond it.
    /// </summary>
    public void Stream(ByteRangeTap tap, long offset, ulong address, long length, string what, bool untilData = false) =>
        StreamRange(tap, offset, address, length, what, untilData, range: -1);

    /// <summary>Decode [<see cref="StoppedAt"/>, <paramref name="address"/>+<paramref name="length"/>) of the stopped range from a new pass over the file (same sweep, continued).</summary>
    public void Resume(ByteRangeTap tap, long offset, ulong address, long length, string what)
    {
        var (range, _) = stopped ?? throw new InvalidOperationException("no range stopped");
        stopped = null;
        StreamRange(tap, offset, address, length, what, untilData: false, range);
    }

    /// <summary>The range watched with <c>untilData</c> is really [<paramref name="start"/>, <paramref name="end"/>) (its executable sections): runs outside it belong to no function or block.</summary>
    public void ClipWatched(ulong start, ulong end)
    {
        if (watched >= 0)
        {
            var (from, to) = ranges[watched];
            from = Math.Clamp(start, from, to);
            ranges[watched] = (from, Math.Clamp(end, from, to));
        }
    }

    private void StreamRange(ByteRangeTap tap, long offset, ulong address, long length, string what, bool untilData, int range)
    {
        var started = false;
        tap.Stream(offset, length, (at, bytes) =>
        {
            if (!started)
            {
                started = true;
                if (range < 0)
                {
                    range = ranges.Count;
                    ranges.Add((address + (ulong)at, address + (ulong)length));
                }
                else
                {
                    ranges[range] = (ranges[range].Start, address + (ulong)length);
                }

                current = range;
                watch = untilData ? new DataWatch(Invalid) : null;
                watched = untilData ? range : watched;
                Begin(address + (ulong)at);
            }

            if (stopped?.Range == range)
            {
                return;
            }

            CodeBytes += bytes.Length;
            Decode(bytes);
            if (stopped is { } s && s.Range == range)
            {
                // The bytes of this chunk after the stop were not decoded.
                CodeBytes -= (long)(address + (ulong)at + (ulong)bytes.Length - s.Address);
                ranges[range] = (ranges[range].Start, s.Address);
            }
        }, () =>
        {
            if (stopped?.Range != range)
            {
                EndRange();
            }

            watch = null;
        }, what);
    }

    /// <summary>Decodes <paramref name="bytes"/> as one range at <paramref name="address"/> (in one piece; X86FastPathTests compares decoders with it).</summary>
    internal void DecodeRange(ulong address, ReadOnlySpan<byte> bytes)
    {
        ranges.Add((address, address + (ulong)bytes.Length));
        Begin(address);
        CodeBytes += bytes.Length;
        Decode(bytes);
        EndRange();
    }

    /// <summary>The range ended (or the stream did): decode what is left in the window.</summary>
    public abstract void EndRange();

    protected abstract void Begin(ulong address);

    protected abstract void Decode(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// A decoder finished a full window (its boundaries depend on the bytes alone, never on how they were chunked) and
    /// goes on at <paramref name="next"/>. True: stop this range there. A segment that holds both (gold's and old GNU
    /// ld's single R+X segment: headers and symbol tables, code, then .rodata and .eh_frame) reads as data, code, data:
    /// after <see cref="DataWatch.CodeWindows"/> windows in a row that look like code, the first window that looks like
    /// data ends it. Measured on libLLVM-15 (64 KiB windows): code 0-8 invalid instructions, the tables before it 227
    /// and more, .rodata a median of 1090, .eh_frame 1126 and more.
    /// </summary>
    protected bool WindowDecoded(ulong next)
    {
        if (watch is not { } w)
        {
            return false;
        }

        var invalid = Invalid - w.InvalidBefore;
        w.InvalidBefore = Invalid;
        if (invalid <= DataWatch.CodeLike)
        {
            w.Streak++;
            return false;
        }

        if (invalid < DataWatch.DataLike)
        {
            return false;
        }

        if (w.Streak < DataWatch.CodeWindows)
        {
            w.Streak = 0;
            return false;
        }

        stopped = (current, next);
        watch = null;
        return true;
    }

    protected void Record(ulong address, int length, ulong mask)
    {
        Instructions++;
        if (mask == 0)
        {
            return;
        }

        for (var m = mask & ~IsaFeatures.CpuCheck; m != 0; m &= m - 1)
        {
            perFeature[System.Numerics.BitOperations.TrailingZeroCount(m)]++;
        }

        Runs.Add(address, length, mask);
    }

    protected void RecordInvalid() => Invalid++;

    /// <summary>An instruction that needs no audited feature.</summary>
    protected void RecordPlain() => Instructions++;

    /// <summary>The watch over one range (<see cref="WindowDecoded"/>); thresholds are per 64 KiB window.</summary>
    private sealed class DataWatch(long invalid)
    {
        public const int CodeLike = 16;
        public const int DataLike = 64;
        public const int CodeWindows = 16;

        public long InvalidBefore { get; set; } = invalid;

        public int Streak { get; set; }
    }
}
