using System.Globalization;
using System.Text.RegularExpressions;

namespace Tfwheel.Compile;

/// <summary>
/// Bazel's closing "INFO: 7 processes: 4 remote cache hit, 3 internal." line: how many spawns each
/// strategy ran. The remote cache test and the manifest read the remote cache hits from it.
/// </summary>
public sealed partial record ProcessSummary(long Processes, IReadOnlyDictionary<string, long> ByKind)
{
    public long RemoteCacheHits => ByKind.TryGetValue("remote cache hit", out var n) ? n : 0;

    public static ProcessSummary? TryParse(string line)
    {
        var m = Pattern().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var kinds = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (Match kind in Kind().Matches(m.Groups["kinds"].Value))
        {
            kinds[kind.Groups["kind"].Value] = long.Parse(kind.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }

        return new ProcessSummary(long.Parse(m.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), kinds);
    }

    [GeneratedRegex(@"INFO: (?<n>\d[\d,]*) process(es)?(: (?<kinds>.*))?\.?$")]
    private static partial Regex Pattern();

    /// <summary>"1,004 remote cache hit": a count (digits grouped by commas) and a strategy name.</summary>
    [GeneratedRegex(@"(?<n>\d{1,3}(,\d{3})+|\d+) (?<kind>[a-z][a-z -]*[a-z])")]
    private static partial Regex Kind();
}
