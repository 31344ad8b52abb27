namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Turns one <see cref="RecipeOverride"/> into a one-branch recipe tree ("bazel.jobs=8" becomes
/// bazel: { jobs: "8" }) so it is checked and merged exactly like a file layer.
/// </summary>
internal static class RecipeOverrideTree
{
    private static readonly char[] FlowStarts = ['[', '{', '"', '\''];

    public static RecipeMapping? Build(RecipeOverride item, string currentDirectory, List<RecipeProblem> problems)
    {
        var mark = new SourceMark(item.Label, 0, 0, currentDirectory);
        var segments = item.Path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            problems.Add(mark.Problem($"'{item.Path}' is not a key path; write it like bazel.remote.cache"));
            return null;
        }

        if (segments[0] == "extends")
        {
            problems.Add(mark.Problem("'extends' cannot be overridden; name the recipe to load with --recipe instead"));
            return null;
        }

        var value = Value(item, mark, currentDirectory, problems);
        if (value is null)
        {
            return null;
        }

        RecipeNode node = value;
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            node = new RecipeMapping(mark, [new RecipeEntry(new RecipeScalar(mark, segments[i], true), node)]);
        }

        return (RecipeMapping)node;
    }

    private static RecipeNode? Value(RecipeOverride item, SourceMark mark, string currentDirectory, List<RecipeProblem> problems)
    {
        if (item.Value.Length == 0)
        {
            return new RecipeScalar(mark, "", Plain: false);
        }

        if (item.Value.IndexOfAny(FlowStarts) != 0)
        {
            return new RecipeScalar(mark, item.Value, Plain: true);
        }

        var local = new List<RecipeProblem>();
        var node = RecipeYamlReader.Read(item.Value, item.Label, currentDirectory, local, commandLine: true);
        problems.AddRange(local);
        return node ?? (local.Count == 0 ? new RecipeScalar(mark, "", Plain: true) : null);
    }
}
