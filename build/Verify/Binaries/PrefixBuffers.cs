namespace Tfwheel.Verify.Binaries;

/// <summary>
/// The large buffers that hold an ELF's retained prefix (up to <see cref="ElfScan.MaxPrefix"/>), kept for the next
/// binary instead of left to the collector: a freed buffer of tens of MiB stays resident until the GC gives its
/// region back, so two large binaries read one after the other would otherwise hold two. At most one spare (the
/// largest) is kept; <see cref="Clear"/> drops it when a wheel has been read.
/// </summary>
internal static class PrefixBuffers
{
    /// <summary>Smaller buffers are cheap to allocate and are not kept.</summary>
    private const int MinKept = 1 << 20;

    private static byte[]? spare;

    public static byte[] Rent(int length)
    {
        if (length >= MinKept && Interlocked.Exchange(ref spare, null) is { } kept)
        {
            if (kept.Length >= length)
            {
                return kept;
            }

            Return(kept);
        }

        return length == 0 ? [] : GC.AllocateUninitializedArray<byte>(length);
    }

    public static void Return(byte[] buffer)
    {
        while (buffer.Length >= MinKept)
        {
            var current = Volatile.Read(ref spare);
            if (current is not null && current.Length >= buffer.Length)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref spare, buffer, current) == current)
            {
                return;
            }
        }
    }

    public static void Clear() => Volatile.Write(ref spare, null);
}
