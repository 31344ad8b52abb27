namespace Tfwheel.Files;

/// <summary>The bytes a folder's files take, for "what Clean freed". Symlinks are not followed (bazel's trees are full of them).</summary>
public static class FolderSize
{
    public static long Of(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };
        long total = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", options))
        {
            total += file.Length;
        }

        return total;
    }
}
