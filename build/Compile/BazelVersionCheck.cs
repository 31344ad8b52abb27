namespace Tfwheel.Compile;

/// <summary>
/// Compares what `bazel --version` printed ("bazel 6.5.0") with the version wanted (.bazelversion or
/// bazel.version). A wanted "6" or "6.5" matches any 6.x or 6.5.x, as the bazelisk wrapper picks them.
/// Builds without a version stamp print "bazel no_version" (Debian's bazel-bootstrap): they cannot be
/// checked, which is a warning, not an error.
/// </summary>
public static class BazelVersionCheck
{
    /// <summary>The version from `bazel --version` output, or null when the build carries none.</summary>
    public static string? Parse(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("bazel ", StringComparison.Ordinal));
        var word = line?["bazel ".Length..].Split(' ', '-')[0].Trim();
        return string.IsNullOrEmpty(word) || !char.IsAsciiDigit(word[0]) ? null : word;
    }

    public static bool Matches(string wanted, string actual)
    {
        var want = wanted.Trim().Split('.');
        var have = actual.Trim().Split('.');
        return want.Length <= have.Length && want.Zip(have).All(p => p.First == p.Second);
    }
}
