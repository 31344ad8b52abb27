using System.Globalization;
using System.Text.RegularExpressions;

namespace Tfwheel.Source;

/// <summary>
/// Reads git apply's refusal ("error: patch failed: FILE:LINE") and finds the hunk of the patch that
/// starts at that line, so a conflict names the patch, the file and the hunk.
/// </summary>
public static partial class PatchConflict
{
    public static string Describe(string patchFile, IReadOnlyList<string> gitErrors)
    {
        var name = Path.GetFileName(patchFile);
        foreach (var line in gitErrors)
        {
            var m = Failed().Match(line);
            if (m.Success)
            {
                var file = m.Groups["file"].Value;
                var start = int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
                return $"patch {name} does not apply to {file}: {FindHunk(File.ReadAllLines(patchFile), file, start)} does not match the tree";
            }
        }

        var reason = gitErrors.FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal))?["error:".Length..].Trim();
        return $"patch {name} does not apply: {reason ?? string.Join(" ", gitErrors).Trim()}";
    }

    /// <summary>"hunk #2 (@@ -10,6 +10,7 @@, old line 10)"; hunks are counted within the file's section of the patch.</summary>
    public static string FindHunk(IReadOnlyList<string> patch, string file, int oldStart)
    {
        string? current = null;
        var number = 0;
        foreach (var line in patch)
        {
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                current = StripPrefix(line[4..].Trim());
                number = 0;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal) && line[4..].Trim() != "/dev/null")
            {
                current = StripPrefix(line[4..].Trim());
            }
            else if (current == file && Hunk().Match(line) is { Success: true } h)
            {
                number++;
                if (int.Parse(h.Groups["old"].Value, CultureInfo.InvariantCulture) == oldStart)
                {
                    return $"hunk #{number} ({h.Value}, old line {oldStart})";
                }
            }
        }

        return $"the hunk at old line {oldStart}";
    }

    private static string StripPrefix(string path) =>
        path.Length > 2 && path[1] == '/' && path[0] is 'a' or 'b' ? path[2..] : path;

    [GeneratedRegex(@"patch failed: (?<file>.+):(?<line>\d+)$")]
    private static partial Regex Failed();

    [GeneratedRegex(@"^@@ -(?<old>\d+)(,\d+)? \+\d+(,\d+)? @@")]
    private static partial Regex Hunk();
}
