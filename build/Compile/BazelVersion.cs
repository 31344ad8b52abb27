using System.Text.RegularExpressions;

namespace Tfwheel.Compile;

/// <summary>Reads what `bazel --version` / `bazelisk --version` print, and compares versions the way .bazelversion means them.</summary>
public static partial class BazelVersion
{
    /// <summary>
    /// "bazel 7.4.1" -> 7.4.1; bazelisk's "Build label: 7.4.1" -> 7.4.1; Debian's "bazel no_version" -> null
    /// (a distribution build that does not know its version).
    /// </summary>
    public static string? Parse(string text)
    {
        var label = BuildLabel().Match(text);
        if (label.Success)
        {
            return label.Groups[1].Value;
        }

        var plain = Plain().Match(text);
        return plain.Success ? plain.Groups[1].Value : null;
    }

    /// <summary>"7" matches 7.x.y and "7.4" matches 7.4.y, as bazelisk resolves a partial .bazelversion.</summary>
    public static bool Matches(string actual, string wanted)
    {
        var a = actual.Split('.', '-');
        var w = wanted.Trim().Split('.', '-');
        return w.Length <= a.Length && w.Zip(a).All(p => p.First == p.Second);
    }

    [GeneratedRegex(@"Build label:\s*(\d+(?:\.\d+)*(?:-[\w.]+)?)")]
    private static partial Regex BuildLabel();

    [GeneratedRegex(@"^bazel\s+(\d+(?:\.\d+)*(?:-[\w.]+)?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Plain();
}
