namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Where feature instructions were seen, compactly: consecutive feature instructions closer than a gap
/// merge into one run holding the union of their masks; a return instruction ends a run, so a run rarely
/// spans two functions. Bounded: past <see cref="MaxRuns"/> runs the gap grows sixteenfold and neighbours
/// merge, trading attribution precision for memory (24 bytes a run, at most 6 MiB).
/// </summary>
internal sealed class FeatureRuns
{
    public const int MaxRuns = 1 << 18;

    private Run[] runs = new Run[256];
    private int count;
    private ulong gap = 32;
    private bool open;

    public int Count => count;

    /// <summary>How far apart two feature instructions may be and still share a run (grows when the list is full).</summary>
    public ulong Gap => gap;

    public void Add(ulong address, int length, ulong mask)
    {
        var end = address + (ulong)length;
        if (open && count > 0 && address >= runs[count - 1].Start && address <= runs[count - 1].End + gap)
        {
            ref var last = ref runs[count - 1];
            last.End = Math.Max(last.End, end);
            last.Mask |= mask;
            return;
        }

        if (count == runs.Length)
        {
            if (count == MaxRuns)
            {
                Coarsen();
            }
            else
            {
                Array.Resize(ref runs, Math.Min(MaxRuns, count * 2));
            }
        }

        runs[count++] = new Run(address, end, mask);
        open = true;
    }

    /// <summary>A return (or padding) was seen: the next feature instruction starts a new run.</summary>
    public void Break() => open = false;

    public ReadOnlySpan<Run> Sorted()
    {
        var span = runs.AsSpan(0, count);
        StructSort.Sort(span, default(ByStart));
        return span;
    }

    private void Coarsen()
    {
        gap *= 16;
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (kept > 0 && runs[i].Start >= runs[kept - 1].Start && runs[i].Start <= runs[kept - 1].End + gap)
            {
                runs[kept - 1].End = Math.Max(runs[kept - 1].End, runs[i].End);
                runs[kept - 1].Mask |= runs[i].Mask;
            }
            else
            {
                runs[kept++] = runs[i];
            }
        }

        count = kept;
        if (count > MaxRuns * 3 / 4)
        {
            Coarsen();
        }
    }

    internal record struct Run(ulong Start, ulong End, ulong Mask);

    private readonly struct ByStart : IComparer<Run>
    {
        public int Compare(Run a, Run b) => a.Start.CompareTo(b.Start);
    }
}
