namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Function starts (and sizes when the format states them) with their names, gathered from whatever the
/// binary offers: ELF .symtab/.dynsym STT_FUNC and STT_GNU_IFUNC symbols, Mach-O LC_FUNCTION_STARTS and
/// symbol table. Also the evidence of runtime dispatch that symbols show (ifunc symbols, imports of CPU
/// query functions). Bounded: at most <see cref="MaxFunctions"/> entries.
/// </summary>
internal sealed class FunctionTable
{
    public const int MaxFunctions = 1 << 20;

    /// <summary>Imported functions that only code choosing an implementation by CPU calls.</summary>
    private static readonly HashSet<string> CpuQueries = new(StringComparer.Ordinal)
    {
        "__cpu_indicator_init", "__cpu_model", "__cpu_features2", "__get_cpu_features", "__x86_get_cpu_features", "_dl_x86_get_cpu_features",
        "getauxval", "__getauxval", "sysctlbyname", "_sysctlbyname", "android_getCpuFeatures", "IsProcessorFeaturePresent",
    };

    // An array, not a List: ReadyToRun cannot precompile List<Entry>'s methods (the framework's generic over this
    // assembly's struct), so each indexer call in the loops below went to unoptimized JIT code.
    private Entry[] entries = new Entry[64];
    private int count;
    private readonly List<byte[]> stringTables = [];

    public int Count => count;

    private readonly Dictionary<string, int> sources = [];

    /// <summary>Where most function starts came from: "symbols", ".eh_frame_hdr", "LC_FUNCTION_STARTS", or null when there were none.</summary>
    public string? Source => sources.Count == 0 ? null : sources.MaxBy(p => p.Value).Key;

    /// <summary>Why the binary looks like it picks code by CPU at run time (ifunc, an import), or null.</summary>
    public string? DispatchEvidence { get; private set; }

    /// <summary>Registers a string table; names are kept as offsets into it and read only when reported.</summary>
    public int Strings(byte[] table)
    {
        stringTables.Add(table);
        return stringTables.Count - 1;
    }

    /// <param name="size">0 when unknown (the function then runs to the next start).</param>
    /// <param name="table">From <see cref="Strings"/>, or -1 for a start without a name.</param>
    public void Add(ulong start, ulong size, int table, int nameOffset, string source)
    {
        if (count >= MaxFunctions || start == 0)
        {
            return;
        }

        if (count == entries.Length)
        {
            Array.Resize(ref entries, Math.Min(MaxFunctions, count * 2));
        }

        entries[count++] = new Entry(start, size, table, nameOffset);
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sources, source, out _)++;
    }

    public void Ifunc(string name) => DispatchEvidence ??= $"ifunc symbol {name}";

    public void Import(string name)
    {
        if (CpuQueries.Contains(name))
        {
            DispatchEvidence ??= $"imports {name}";
        }
    }

    /// <summary>
    /// Distinct starts in address order, each running to its stated size or else to the next start (at most to
    /// <paramref name="limitEnd"/>); empty extents left out. An array: the callers' loops over a million of them stay
    /// in precompiled code.
    /// </summary>
    public (ulong Start, ulong End)[] Extents(Func<ulong, ulong> limitEnd)
    {
        StructSort.Sort(entries.AsSpan(0, count), default(ByStartThenTable));
        var result = new (ulong Start, ulong End)[count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var e = entries[i];
            if (i > 0 && e.Start == entries[i - 1].Start)
            {
                continue;
            }

            var next = i + 1;
            while (next < count && entries[next].Start == e.Start)
            {
                next++;
            }

            var limit = limitEnd(e.Start);
            var end = Math.Min(e.Size > 0 ? e.Start + e.Size : next < count ? entries[next].Start : limit, limit);
            if (end > e.Start)
            {
                result[n++] = (e.Start, end);
            }
        }

        return n == count ? result : result[..n];
    }

    /// <summary>The name of the function starting at <paramref name="start"/> (after <see cref="Extents"/> sorted the table), or sub_ADDRESS.</summary>
    public string NameOf(ulong start)
    {
        var lo = 0;
        var hi = count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (entries[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var i = lo; i < count && entries[i].Start == start; i++)
        {
            if (entries[i].Table >= 0 && entries[i].NameOffset >= 0 && entries[i].NameOffset < stringTables[entries[i].Table].Length)
            {
                return Bytes.CString(stringTables[entries[i].Table], entries[i].NameOffset);
            }
        }

        return $"sub_{start:x}";
    }

    private readonly record struct Entry(ulong Start, ulong Size, int Table, int NameOffset);

    /// <summary>Address order; at one address the entry from the later table first, then by name offset (aliases: the same choice whatever the sort).</summary>
    private readonly struct ByStartThenTable : IComparer<Entry>
    {
        public int Compare(Entry a, Entry b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Table != b.Table ? b.Table.CompareTo(a.Table) : a.NameOffset.CompareTo(b.NameOffset);
    }
}
