namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Picks byte ranges out of a stream that is read exactly once, front to back (a zip entry being
/// decompressed and hashed). Header parsers ask for the ranges they need; a range is delivered as soon
/// as its last byte has streamed by, and its callback may ask for further ranges. A range that lies
/// behind the stream's position can only be delivered from the retained prefix (a bounded copy of the
/// first bytes, used for ELF string tables that precede the dynamic section they are named from).
/// Memory is bounded by the sizes the parsers ask for, which they cap, never by what a header claims.
/// </summary>
internal sealed class ByteRangeTap
{
    /// <summary>Receives a streamed range's bytes; <paramref name="offset"/> counts from the range's start.</summary>
    public delegate void ChunkSink(long offset, ReadOnlySpan<byte> bytes);

    private readonly List<PendingRange> pending = [];
    private readonly List<PatternWatch> watches = [];
    private readonly List<string> missed = [];
    private readonly List<StreamedRange> streams = [];
    private byte[] prefix = [];
    private int prefixLength;
    private long prefixLimit;
    private bool limitKnown;
    private long position;

    /// <summary>Ranges that could not be delivered (already streamed by, or the stream ended first).</summary>
    public IReadOnlyList<string> Missed => missed;

    /// <summary>Keep a copy of the first <paramref name="limit"/> bytes (grown as they arrive).</summary>
    public void RetainPrefix(long limit) => prefixLimit = limit;

    /// <summary>The retained prefix ends here (it grows to it as the bytes stream by).</summary>
    public long RetainLimit => prefixLimit;

    /// <summary>Retained bytes [<paramref name="start"/>, <paramref name="start"/>+<paramref name="length"/>), or empty when they are not all kept.</summary>
    public ReadOnlySpan<byte> Retained(long start, long length) =>
        start >= 0 && length > 0 && start + length <= prefixLength ? prefix.AsSpan((int)start, (int)length) : [];

    /// <summary>Stop retaining beyond <paramref name="limit"/> (what is already kept stays).</summary>
    public void LimitPrefix(long limit)
    {
        prefixLimit = Math.Min(prefixLimit, limit);
        limitKnown = true;
    }

    /// <summary>
    /// How many bytes from <paramref name="start"/> can still be delivered: to the end of the retained
    /// prefix if the stream has already passed <paramref name="start"/>, otherwise to <paramref name="end"/>.
    /// </summary>
    public long Available(long start, long end) =>
        start >= position ? Math.Max(0, end - start) : Math.Max(0, Math.Min(prefixLength, end) - start);

    /// <summary>Deliver bytes [start, start+length) to <paramref name="onComplete"/>; false when they went by unretained.</summary>
    public bool Request(long start, int length, Action<byte[]> onComplete, string what)
    {
        if (start < 0 || length < 0)
        {
            missed.Add($"{what} at a negative offset");
            return false;
        }

        if (start + length <= prefixLength)
        {
            onComplete(prefix.AsSpan((int)start, length).ToArray());
            return true;
        }

        if (start < position)
        {
            missed.Add($"{what} (bytes {start}..{start + length}) lies before data already read");
            return false;
        }

        pending.Add(new PendingRange(start, new byte[length], onComplete, what));
        if (length == 0)
        {
            Deliver();
        }

        return true;
    }

    /// <summary>Call <paramref name="onFound"/> once if <paramref name="pattern"/> occurs inside [start, start+length).</summary>
    public void Watch(long start, long length, byte[] pattern, Action onFound)
    {
        if (start >= position && length >= pattern.Length && pattern.Length > 0)
        {
            watches.Add(new PatternWatch(start, start + length, pattern, onFound));
        }
    }

    /// <summary>Hand bytes [start, start+length) to <paramref name="sink"/> chunk by chunk as they stream past, never buffered; then call <paramref name="onEnd"/>.</summary>
    public void Stream(long start, long length, ChunkSink sink, Action onEnd, string what)
    {
        // Bytes already gone by come from the retained prefix when it holds them all, else they are skipped (the sink sees a later first offset).
        var end = start + length;
        var from = start;
        if (start < position)
        {
            var passed = Math.Min(position, end);
            from = passed;
            if (prefixLength >= passed)
            {
                sink(0, prefix.AsSpan((int)start, (int)(passed - start)));
            }
        }

        if (from >= end)
        {
            onEnd();
            return;
        }

        var shift = from - start;
        streams.Add(new StreamedRange(from, end, (o, b) => sink(o + shift, b), onEnd, what));
    }

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        var chunkStart = position;
        var chunkEnd = position + chunk.Length;
        KeepPrefix(chunk);
        var progressed = true;
        while (progressed)
        {
            progressed = false;
            for (var i = 0; i < pending.Count; i++)
            {
                var range = pending[i];
                var from = Math.Max(range.Start + range.Filled, chunkStart);
                var to = Math.Min(range.Start + range.Buffer.Length, chunkEnd);
                if (to > from)
                {
                    chunk.Slice((int)(from - chunkStart), (int)(to - from)).CopyTo(range.Buffer.AsSpan((int)(from - range.Start)));
                    range.Filled = (int)(to - range.Start);
                }

                if (range.Filled == range.Buffer.Length)
                {
                    pending.RemoveAt(i);
                    range.OnComplete(range.Buffer);
                    progressed = true;
                    break;
                }
            }
        }

        foreach (var watch in watches)
        {
            watch.Scan(chunk, chunkStart);
        }

        watches.RemoveAll(w => w.Done || w.End <= chunkEnd);
        FeedStreams(chunk, chunkStart, chunkEnd);
        position = chunkEnd;
    }

    /// <summary>Hands the retained prefix back for the next binary (after <see cref="End"/>: nothing reads it any more).</summary>
    public void Release()
    {
        PrefixBuffers.Return(prefix);
        prefix = [];
        prefixLength = 0;
        prefixLimit = 0;
    }

    /// <summary>
    /// Back to offset 0 for a second read of the same bytes (after <see cref="End"/> and <see cref="Release"/>): what is
    /// asked for now is delivered from that read. Nothing is retained this time.
    /// </summary>
    public void Rewind()
    {
        position = 0;
    }

    /// <summary>The stream ended: whatever is still pending was cut off.</summary>
    public void End()
    {
        foreach (var range in pending)
        {
            missed.Add($"{range.What} (bytes {range.Start}..{range.Start + range.Buffer.Length}) runs past the end of the file at {position}");
        }

        pending.Clear();
        watches.Clear();
        foreach (var stream in streams)
        {
            missed.Add($"{stream.What} (bytes {stream.Start}..{stream.End}) runs past the end of the file at {position}");
            stream.OnEnd();
        }

        streams.Clear();
    }

    private void FeedStreams(ReadOnlySpan<byte> chunk, long chunkStart, long chunkEnd)
    {
        for (var i = 0; i < streams.Count; i++)
        {
            var s = streams[i];
            var from = Math.Max(s.Start, chunkStart);
            var to = Math.Min(s.End, chunkEnd);
            if (to > from)
            {
                s.Sink(from - s.Start, chunk.Slice((int)(from - chunkStart), (int)(to - from)));
            }

            if (s.End <= chunkEnd)
            {
                streams.RemoveAt(i--);
                s.OnEnd();
            }
        }
    }

    private void Deliver() => Feed([]);

    private void KeepPrefix(ReadOnlySpan<byte> chunk)
    {
        var room = prefixLimit - prefixLength;
        if (room <= 0 || position != prefixLength || chunk.IsEmpty)
        {
            return;
        }

        var take = (int)Math.Min(room, chunk.Length);
        if (prefixLength + take > prefix.Length)
        {
            // Once a header has set the limit (ELF: PT_DYNAMIC's offset), one exact allocation; until then, doubling.
            var size = limitKnown ? prefixLimit : Math.Min(prefixLimit, Math.Max(prefixLength + take, prefix.Length * 2L));
            var grown = PrefixBuffers.Rent((int)Math.Max(size, prefixLength + take));
            prefix.AsSpan(0, prefixLength).CopyTo(grown);
            PrefixBuffers.Return(prefix);
            prefix = grown;
        }

        chunk[..take].CopyTo(prefix.AsSpan(prefixLength));
        prefixLength += take;
    }

    private sealed record StreamedRange(long Start, long End, ChunkSink Sink, Action OnEnd, string What);

    private sealed class PendingRange(long start, byte[] buffer, Action<byte[]> onComplete, string what)
    {
        public long Start { get; } = start;

        public byte[] Buffer { get; } = buffer;

        public Action<byte[]> OnComplete { get; } = onComplete;

        public string What { get; } = what;

        public int Filled { get; set; }
    }
}
