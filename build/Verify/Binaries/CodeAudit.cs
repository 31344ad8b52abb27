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

    /// <summary>Decode file bytes [offset, offset+length), mapped at <paramref name="address"/>, as they stream through <paramref name="tap"/>.</summary>
    public void Stream(ByteRangeTap tap, long offset, ulong address, long length, string what)
    {
        var started = false;
        tap.Stream(offset, length, (at, bytes) =>
        {
            if (!started)
            {
                started = true;
                ranges.Add((address + (ulong)at, address + (ulong)length));
                Begin(address + (ulong)at);
            }

            CodeBytes += bytes.Length;
            Decode(bytes);
        }, EndRange, what);
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
}
