namespace Tfwheel.Verify.Binaries;

/// <summary>
/// Joins what the decoder saw (<see cref="FeatureRuns"/>) with the functions the binary names
/// (<see cref="FunctionTable"/>) and classes each feature with <see cref="DispatchRule"/>. Runs outside
/// every named function (data decoded as code in a segment that mixes both) are ignored when functions are known.
/// </summary>
internal static class IsaAttribution
{
    public const int MaxExamples = 3;
    private const ulong BlockSize = 4096;

    public static IsaUsage Build(CodeAudit audit, FunctionTable functions, string family)
    {
        var vocabulary = family == IsaFeatures.X86.Family ? IsaFeatures.X86 : IsaFeatures.Arm64;
        var runs = audit.Runs.Sorted();
        var ranges = audit.Ranges.ToArray();
        var named = functions.Extents(a => RangeEnd(ranges, a));
        var covered = 0.0;
        foreach (var (start, end) in named)
        {
            covered += end - start;
        }

        // Functions that cover less than half the code (a stripped library naming only its exports) would hide the rest: use blocks.
        var code = ranges.Sum(r => (double)(r.End - r.Start));
        var blocks = covered < code / 2.0;
        var units = blocks ? Blocks(ranges) : named;
        var masks = new ulong[units.Length];
        var u = 0;
        foreach (var run in runs)
        {
            while (u < units.Length && units[u].End <= run.Start)
            {
                u++;
            }

            for (var k = u; k < units.Length && units[k].Start < run.End; k++)
            {
                masks[k] |= run.Mask;
            }
        }

        string? cpuCheck = functions.DispatchEvidence;
        for (var k = 0; k < units.Length && cpuCheck is null; k++)
        {
            if ((masks[k] & IsaFeatures.CpuCheck) != 0)
            {
                cpuCheck = $"{(family == IsaFeatures.X86.Family ? "CPUID/XGETBV" : "MRS of an ID register")} in {Name(functions, units[k].Start, blocks)}";
            }
        }

        // Users of each feature (unit indexes, ascending), in one pass over the units: most use none.
        var usersOf = new List<int>?[vocabulary.Names.Count];
        for (var k = 0; k < units.Length; k++)
        {
            for (var m = masks[k] & ~IsaFeatures.CpuCheck; m != 0; m &= m - 1)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(m);
                if (bit < usersOf.Length)
                {
                    (usersOf[bit] ??= []).Add(k);
                }
            }
        }

        var features = new List<FeatureUse>();
        for (var bit = 0; bit < vocabulary.Names.Count; bit++)
        {
            var users = usersOf[bit];
            if (users is null || (blocks && audit.InstructionsUsing(bit) < DispatchRule.NoiseFloor))
            {
                continue;
            }

            var names = users.Take(1000).Select(k => Name(functions, units[k].Start, blocks)).ToList();
            var (baseline, reason) = DispatchRule.Classify(users.Count, units.Length, Groups(users), blocks, cpuCheck, users.Count <= 1000 ? names : []);
            features.Add(new FeatureUse(vocabulary.Names[bit], audit.InstructionsUsing(bit), users.Count, names.Take(MaxExamples).ToList(), baseline, reason));
        }

        var kind = blocks ? "4 KiB blocks (no symbols)" : $"functions ({functions.Source})";
        return new IsaUsage(family, audit.CodeBytes, audit.Instructions, units.Length, kind, features, cpuCheck);
    }

    /// <summary>Users (unit indexes, ascending) separated by at most <see cref="DispatchRule.GroupGap"/> non-users count as one group.</summary>
    private static int Groups(List<int> users)
    {
        var groups = 0;
        for (var i = 0; i < users.Count; i++)
        {
            groups += i == 0 || users[i] - users[i - 1] > DispatchRule.GroupGap + 1 ? 1 : 0;
        }

        return groups;
    }

    private static string Name(FunctionTable functions, ulong start, bool blocks) => blocks ? $"block at 0x{start:x}" : functions.NameOf(start);

    private static ulong RangeEnd((ulong Start, ulong End)[] ranges, ulong address)
    {
        foreach (var (start, end) in ranges)
        {
            if (address >= start && address < end)
            {
                return end;
            }
        }

        return address;
    }

    private static (ulong Start, ulong End)[] Blocks((ulong Start, ulong End)[] ranges)
    {
        var total = 0L;
        foreach (var (start, end) in ranges)
        {
            total += (long)((end - start + BlockSize - 1) / BlockSize);
        }

        var blocks = new (ulong Start, ulong End)[Math.Min(total, FunctionTable.MaxFunctions)];
        var n = 0;
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            for (var at = start; at < end && n < blocks.Length; at += BlockSize)
            {
                blocks[n++] = (at, Math.Min(end, at + BlockSize));
            }
        }

        return blocks;
    }
}
