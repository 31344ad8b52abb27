using System.Globalization;
using System.Text.RegularExpressions;

namespace Tfwheel.Compile;

/// <summary>One bazel progress line, "[1,234 / 5,678] Compiling tensorflow/core/..." (actions done / actions known).</summary>
public sealed partial record BuildProgress(long Done, long Total, string Activity)
{
    public int Percent => Total <= 0 ? 0 : (int)Math.Min(100, Done * 100 / Total);

    /// <summary>Parses a progress line; null for every other line. Bazel groups digits with commas.</summary>
    public static BuildProgress? TryParse(string line)
    {
        var m = Pattern().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var done = long.Parse(m.Groups["done"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var total = long.Parse(m.Groups["total"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return new BuildProgress(done, total, m.Groups["activity"].Value.Trim());
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Done:N0} / {Total:N0} actions ({Percent}%) {Activity}").TrimEnd();

    [GeneratedRegex(@"^\s*\[(?<done>\d[\d,]*) / (?<total>\d[\d,]*)\](?<activity>.*)$")]
    private static partial Regex Pattern();
}
