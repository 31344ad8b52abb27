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
    /// <paramref name="untilData"/>, for a segment that holds tables, code, then data: let the tables go by undecoded
    /// while the tap retains them (<see cref="FrontSkip"/>), and stop decoding where the bytes stop looking like code
    /// (<see cref="WindowDecoded"/>). The caller checks <see cref="DecodedFrom"/> and <see cref="StoppedAt"/> against
    /// the section headers, and in a second read <see cref="Resume"/>s, or decodes again, when code lies outside.
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

    /// <summary>
    /// Where decoding of the range watched with <c>untilData</c> began when the tables before its code were skipped
    /// (<see cref="FrontSkip"/>): the caller checks that no executable section starts before it. Null: decoded from
    /// the start. <see cref="ulong.MaxValue"/>: skipped bytes could not be got back, so the range must be decoded again.
    /// </summary>
    public ulong? DecodedFrom { get; private set; }

    /// <summary>Ranges inside [<paramref name="segmentStart"/>, <paramref name="segmentEnd"/>) are really [<paramref name="start"/>, <paramref name="end"/>) (the executable sections): runs outside belong to no function or block.</summary>
    public void Clip(ulong segmentStart, ulong segmentEnd, ulong start, ulong end)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var (from, to) = ranges[i];
            if (from >= segmentStart && to <= segmentEnd)
            {
                from = Math.Clamp(start, from, to);
                ranges[i] = (from, Math.Clamp(end, from, to));
            }
        }
    }

    private void StreamRange(ByteRangeTap tap, long offset, ulong address, long length, string what, bool untilData, int range)
    {
        var started = false;
        FrontSkip? front = null;
        long seen = 0;
        void Feed(ulong from, ReadOnlySpan<byte> bytes)
        {
            CodeBytes += bytes.Length;
            Decode(bytes);
            if (stopped is { } s && s.Range == range)
            {
                // The bytes handed to the decoder after the stop were not decoded.
                CodeBytes -= (long)(from + (ulong)bytes.Length - s.Address);
                ranges[range] = (ranges[range].Start, s.Address);
            }
        }

        // The skip ends: decode from the last block that looked like a table, out of the retained copy, up to
        // `upTo`; returns the offset from which the stream's own bytes go on.
        long CatchUp(long upTo)
        {
            var resume = front!.Resume;
            DecodedFrom = resume > front.Start ? address + (ulong)resume : null;
            front = null;
            Begin(address + (ulong)resume);
            if (resume >= upTo)
            {
                return resume;
            }

            var kept = tap.Retained(offset + resume, upTo - resume);
            if (kept.IsEmpty)
            {
                DecodedFrom = ulong.MaxValue;
                Begin(address + (ulong)upTo);
                return upTo;
            }

            Feed(address + (ulong)resume, kept);
            return upTo;
        }

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
                untilData &= TellsData;
                watch = untilData ? new DataWatch(Invalid) : null;
                front = untilData && tap.RetainLimit >= offset + (4 * FrontSkip.Block) ? new FrontSkip(Fresh(), at) : null;
                Begin(address + (ulong)at);
            }

            if (stopped?.Range == range)
            {
                return;
            }

            seen = at + bytes.Length;
            if (front is not null)
            {
                if (front.Skips(tap, offset, address, seen))
                {
                    return;
                }

                bytes = bytes[(int)Math.Clamp(CatchUp(at) - at, 0, bytes.Length)..];
            }

            if (stopped?.Range != range && !bytes.IsEmpty)
            {
                Feed(address + (ulong)(seen - bytes.Length), bytes);
            }
        }, () =>
        {
            if (front is not null)
            {
                // The whole range streamed by looking like tables (or too short to tell): decode what is retained.
                CatchUp(seen);
            }

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

    /// <summary>
    /// Code ranges (file offset, address, length) in file order with each byte at most once: a range that overlaps an
    /// earlier one keeps only what is new. A hostile header table can list the whole file as code thousands of times;
    /// this way the audit decodes at most the file.
    /// </summary>
    public static List<(ulong Offset, ulong Address, ulong Length)> Disjoint(IEnumerable<(ulong Offset, ulong Address, ulong Length)> ranges)
    {
        var result = new List<(ulong Offset, ulong Address, ulong Length)>();
        var covered = 0UL;
        foreach (var (offset, address, length) in ranges.OrderBy(r => r.Offset))
        {
            var from = Math.Max(offset, covered);
            var end = offset + length;
            if (end > from)
            {
                result.Add((from, address + (from - offset), end - from));
                covered = end;
            }
        }

        return result;
    }

    /// <summary>Whether this decoder counts invalid instructions, by which <c>untilData</c> tells data from code; one that does not decodes every range whole.</summary>
    protected virtual bool TellsData => true;

    /// <summary>A new audit of the same kind, with nothing recorded.</summary>
    public abstract CodeAudit Fresh();

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

    protected void RecordInvalid(long count = 1) => Invalid += count;

    /// <summary>Instructions that need no audited feature.</summary>
    protected void RecordPlain(long count = 1) => Instructions += count;

    /// <summary>The watch over one range (<see cref="WindowDecoded"/>); thresholds are per 64 KiB window.</summary>
    private sealed class DataWatch(long invalid)
    {
        public const int CodeLike = 16;
        public const int DataLike = 64;
        public const int CodeWindows = 16;

        public long InvalidBefore { get; set; } = invalid;

        public int Streak { get; set; }
    }

    /// <summary>
    /// Lets the tables at the start of a watched segment (ELF header, .dynsym, .dynstr, relocations: 14 MiB in
    /// libLLVM-15) go by undecoded while the tap retains them. The first 4 KiB of each 64 KiB block are decoded on the
    /// side (a separate decoder, nothing recorded): 8 or more invalid instructions, or half the bytes zero (zeros decode
    /// as a valid ADD), is a table (libLLVM-15's have 13 invalid and more), fewer is code (its .text: 0-5, one of them
    /// the probe's cut last instruction). Two blocks in a row
    /// that look like code, or the end of what the tap retains, end the skip: decoding starts at the last block that
    /// looked like a table, from the retained copy. The section headers confirm later that no code starts before it.
    /// </summary>
    private sealed class FrontSkip(CodeAudit probe, long start)
    {
        public const int Block = 64 << 10;
        private const int Probe = 4 << 10;
        private const int TableProbe = 8;
        private long next = start;
        private int codeLike;

        /// <summary>Where the range's stream began (an offset in the range).</summary>
        public long Start { get; } = start;

        /// <summary>Where decoding starts (an offset in the range) once <see cref="Skips"/> says to stop skipping.</summary>
        public long Resume { get; private set; } = start;

        /// <summary>Still skipping after the range has streamed to <paramref name="end"/>? False: decode from <see cref="Resume"/> now.</summary>
        public bool Skips(ByteRangeTap tap, long offset, ulong address, long end)
        {
            if (offset + end > tap.RetainLimit)
            {
                return false;
            }

            for (; next + Probe <= end; next += Block)
            {
                var bytes = tap.Retained(offset + next, Probe);
                if (bytes.IsEmpty)
                {
                    return false;
                }

                var before = probe.Invalid;
                probe.DecodeRange(address + (ulong)next, bytes);
                if (probe.Invalid - before >= TableProbe || bytes.Count((byte)0) >= Probe / 2)
                {
                    Resume = next;
                    codeLike = 0;
                }
                else if (++codeLike == 2)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
