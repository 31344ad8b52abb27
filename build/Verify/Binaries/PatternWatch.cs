namespace Tfwheel.Verify.Binaries;

/// <summary>Finds a byte pattern inside a range of a stream fed in chunks, including across chunk boundaries.</summary>
internal sealed class PatternWatch(long start, long end, byte[] pattern, Action onFound)
{
    private readonly byte[] carry = new byte[pattern.Length * 2];
    private int carryLength;

    public long End { get; } = end;

    public bool Done { get; private set; }

    public void Scan(ReadOnlySpan<byte> chunk, long chunkStart)
    {
        var from = Math.Max(start, chunkStart);
        var to = Math.Min(End, chunkStart + chunk.Length);
        if (Done || to <= from)
        {
            return;
        }

        var part = chunk.Slice((int)(from - chunkStart), (int)(to - from));

        // A match may straddle the previous chunk: check the carried tail followed by this part's head.
        var head = part[..Math.Min(part.Length, pattern.Length - 1)];
        head.CopyTo(carry.AsSpan(carryLength));
        if (carry.AsSpan(0, carryLength + head.Length).IndexOf(pattern) >= 0 || part.IndexOf(pattern) >= 0)
        {
            Done = true;
            onFound();
            return;
        }

        var tail = part[Math.Max(0, part.Length - (pattern.Length - 1))..];
        if (tail.Length == pattern.Length - 1)
        {
            tail.CopyTo(carry);
            carryLength = tail.Length;
        }
        else
        {
            // A short part: append to what is carried, keeping only the last pattern.Length - 1 bytes.
            var joined = carry.AsSpan(0, carryLength + head.Length).ToArray();
            var keep = joined.AsSpan(Math.Max(0, joined.Length - (pattern.Length - 1)));
            keep.CopyTo(carry);
            carryLength = keep.Length;
        }
    }
}
