namespace Tfwheel.Bench;

/// <summary>This machine's own shared libraries (regular files, not links): real, compressible machine code.</summary>
internal static class SystemLibraries
{
    private static readonly string[] Folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib"];

    /// <summary>The largest libraries first, until they would compress (about 3:1, like code in a wheel) to <paramref name="targetMb"/>.</summary>
    public static IReadOnlyList<string> Largest(int targetMb)
    {
        var chosen = new List<string>();
        long uncompressed = 0;
        foreach (var file in All().OrderByDescending(f => f.Length).ThenBy(f => f.FullName, StringComparer.Ordinal))
        {
            if (uncompressed / 3 >= targetMb * 1_000_000L)
            {
                break;
            }

            chosen.Add(file.FullName);
            uncompressed += file.Length;
        }

        return chosen;
    }

    public static string Smallest() => All().Where(f => f.Length > 16_000).OrderBy(f => f.Length).ThenBy(f => f.FullName, StringComparer.Ordinal).First().FullName;

    private static IEnumerable<FileInfo> All() => Folders
        .Where(Directory.Exists)
        .SelectMany(d => new DirectoryInfo(d).EnumerateFiles("*.so*"))
        .Where(f => f.LinkTarget is null && f.Length > 0);
}
