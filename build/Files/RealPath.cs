namespace Tfwheel.Files;

/// <summary>
/// A path with every symbolic link resolved, component by component, like realpath(3): checks such as
/// "is this patch inside the project" must look at where a link leads, not at the link's own name.
/// </summary>
public static class RealPath
{
    /// <summary>Linux's limit on links followed in one lookup (MAXSYMLINKS, 40): more is a loop.</summary>
    private const int MaxLinks = 40;

    /// <exception cref="IOException">A loop of links.</exception>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"{path}: more than {MaxLinks} symbolic links (a loop)");
            }

            // A link's target is relative to the folder holding the link; its parts are resolved in turn.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }

            foreach (var p in target.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }
        }

        return current;
    }
}
