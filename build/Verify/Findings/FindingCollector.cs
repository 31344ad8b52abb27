namespace Tfwheel.Verify.Findings;

/// <summary>
/// Collects findings with bounds, so a hostile wheel (a thousand binaries, each loading four thousand missing
/// libraries) yields a report of readable size: the first <see cref="PerGroup"/> findings of one code for one
/// file, then one "and N more" finding for the rest; the first <see cref="PerSeverity"/> of each severity,
/// then one "and N more" finding. Identical findings are kept once. The verdict is unchanged: an error that
/// is folded away still leaves its summary, an error.
/// </summary>
public sealed class FindingCollector
{
    public const int PerGroup = 20;
    public const int PerSeverity = 1000;

    private readonly List<Finding> _kept = [];
    private readonly HashSet<Finding> _seen = [];
    private readonly Dictionary<(string Code, Severity Severity, string Path), int> _groups = [];
    private readonly Dictionary<Severity, int> _perSeverity = [];
    private readonly Dictionary<Severity, int> _dropped = [];

    public void Add(Finding finding)
    {
        if (_seen.Contains(finding))
        {
            return;
        }

        var group = (finding.Code, finding.Severity, finding.Path);
        var inGroup = _groups[group] = _groups.GetValueOrDefault(group) + 1;
        if (inGroup > PerGroup)
        {
            return;
        }

        var count = _perSeverity[finding.Severity] = _perSeverity.GetValueOrDefault(finding.Severity) + 1;
        if (count > PerSeverity)
        {
            _dropped[finding.Severity] = _dropped.GetValueOrDefault(finding.Severity) + 1;
            return;
        }

        _seen.Add(finding);
        _kept.Add(finding);
    }

    public void AddRange(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            Add(finding);
        }
    }

    /// <summary>The kept findings, then the "and N more" summaries.</summary>
    public IReadOnlyList<Finding> ToList()
    {
        var all = new List<Finding>(_kept);
        foreach (var ((code, severity, path), count) in _groups.Where(g => g.Value > PerGroup))
        {
            all.Add(new Finding(code, severity, path, $"... and {count - PerGroup} more [{code}] findings for this file (the first {PerGroup} are shown)."));
        }

        foreach (var (severity, count) in _dropped)
        {
            all.Add(new Finding(FindingCodes.ReportTruncated, severity, "", $"... and {count} more {severity.ToString().ToLowerInvariant()}s not shown (the first {PerSeverity} are); fix those and verify again."));
        }

        return all;
    }
}
