namespace Tfwheel.Compile;

/// <summary>
/// Reads a workspace's bazelrc files the way bazel does for a build: the workspace .bazelrc, then every
/// file it names with "import" or "try-import" (recursively, %workspace% expanded), to answer whether
/// a --config=X is defined by a "build:X" or "common:X" line.
/// </summary>
public sealed class BazelrcScanner
{
    /// <summary>The files read, in order, each with whether it existed.</summary>
    public IReadOnlyList<(string Path, bool Exists)> Files => _files;

    private readonly List<(string Path, bool Exists)> _files = [];
    private readonly HashSet<string> _configs = new(StringComparer.Ordinal);

    private readonly string _workspace;

    private BazelrcScanner(string workspace) => _workspace = workspace;

    public static BazelrcScanner Scan(string workspace)
    {
        var scanner = new BazelrcScanner(workspace);
        scanner.Read(Path.Combine(workspace, ".bazelrc"), depth: 0);
        return scanner;
    }

    /// <summary>Every config name defined for `bazel build` (by build:X or common:X lines).</summary>
    public IReadOnlySet<string> Configs => _configs;

    public bool Defines(string config) => _configs.Contains(config);

    private void Read(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        if (depth > 32 || _files.Any(f => f.Path == full))
        {
            return;
        }

        var exists = File.Exists(full);
        _files.Add((full, exists));
        if (!exists)
        {
            return;
        }

        foreach (var line in LogicalLines(File.ReadAllLines(full)))
        {
            var words = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0].StartsWith('#'))
            {
                continue;
            }

            if (words[0] is "import" or "try-import" && words.Length == 2)
            {
                var target = words[1].Trim().Trim('"').Replace("%workspace%", _workspace, StringComparison.Ordinal);
                Read(Path.IsPathRooted(target) ? target : Path.Combine(_workspace, target), depth + 1);
                continue;
            }

            var colon = words[0].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && words[0][..colon] is "build" or "common")
            {
                _configs.Add(words[0][(colon + 1)..]);
            }
        }
    }

    /// <summary>Joins lines ending in a backslash, as bazel's rc parser does.</summary>
    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            if (raw.EndsWith('\\'))
            {
                pending += raw[..^1] + " ";
                continue;
            }

            yield return (pending + raw).Trim();
            pending = "";
        }

        if (pending.Length > 0)
        {
            yield return pending.Trim();
        }
    }
}
