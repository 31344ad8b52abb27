using System.Globalization;
using System.Text.RegularExpressions;

namespace Tfwheel.Bazel;

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
        foreach (var part in m.Groups["kinds"].Value.TrimEnd('.').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && long.TryParse(part[..space], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count))
            {
                kinds[part[(space + 1)..]] = count;
            }
        }

        return new ProcessSummary(long.Parse(m.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), kinds);
    }

    [GeneratedRegex(@"INFO: (?<n>\d[\d,]*) process(es)?(: (?<kinds>.*))?\.?$")]
    private static partial Regex Pattern();
}
