namespace Tfwheel.Recipes.Loading;

/// <summary>How recipe files are named in messages: relative to the current directory when inside it, else absolute.</summary>
internal static class RecipeFiles
{
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    public static bool IsInside(string fullPath, string directory)
    {
        var relative = Path.GetRelativePath(directory, fullPath);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
