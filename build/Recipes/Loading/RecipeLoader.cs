using Tfwheel.Reporting;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Loads a recipe by name or path: built-in defaults, then the extends chain (root first), then the
/// overrides in order, checked strictly. Every problem found is reported together in one
/// <see cref="RecipeException"/>; nothing half-valid is returned.
/// </summary>
public static class RecipeLoader
{
    /// <summary>
    /// Resolves <paramref name="nameOrPath"/>: a bare name ("macos-arm64") is a file in
    /// <paramref name="recipesDirectory"/>; anything with a '/' or a .yaml ending is a path relative to the
    /// current directory. The project root (for patch paths) is the parent of the recipes folder.
    /// </summary>
    /// <exception cref="RecipeException">The recipe does not exist, does not parse or does not validate.</exception>
    public static Recipe Load(string nameOrPath, IReadOnlyList<RecipeOverride> overrides, string recipesDirectory)
    {
        var problems = new List<RecipeProblem>();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var recipes = Path.GetFullPath(recipesDirectory);
        var file = Locate(nameOrPath, recipes, problems);
        if (file is null)
        {
            throw new RecipeException(problems);
        }

        var chain = new RecipeChain(recipes, problems, dropped);
        var layers = chain.Read(file);
        var named = layers.LastOrDefault(l => l.File == file);
        var rootMark = new SourceMark(RecipeFiles.Display(file), 1, 1, Path.GetDirectoryName(file)!);
        var merged = new RecipeMapping(rootMark, []);
        foreach (var layer in layers)
        {
            var tree = layer == named ? layer.Tree with { Entries = layer.Tree.Entries.Where(e => e.Key.Text != "extends").ToList() } : RecipeTreeMerger.WithoutPerFileKeys(layer.Tree);
            merged = RecipeTreeMerger.Merge(merged, tree);
        }

        foreach (var item in overrides)
        {
            if (RecipeOverrideTree.Build(item, Environment.CurrentDirectory, problems) is { } tree
                && RecipeShapeChecker.Check(tree, RecipeSchema.Root, "", problems, dropped) is RecipeMapping checkedTree)
            {
                merged = RecipeTreeMerger.Merge(merged, checkedTree);
            }
        }

        // Without the whole chain, "missing value" reports would be noise: stop at the chain's own problems.
        if (named is null || !chain.Complete)
        {
            throw new RecipeException(Distinct(problems));
        }

        var binder = new RecipeBinder(new RecipeTreeReader(merged), Path.GetDirectoryName(recipes)!, problems, dropped);
        var recipe = binder.Bind(Path.GetFileNameWithoutExtension(file), rootMark, layers.Select(l => l.File).ToList());
        return problems.Count == 0 && recipe is not null ? recipe : throw new RecipeException(Distinct(problems));
    }

    /// <summary>The recipes in <paramref name="recipesDirectory"/> (*.yaml, by name), each with its own name and description.</summary>
    public static IReadOnlyList<BuiltInRecipe> ListBuiltIn(string recipesDirectory)
    {
        var list = new List<BuiltInRecipe>();
        foreach (var path in Directory.EnumerateFiles(Path.GetFullPath(recipesDirectory), "*.yaml").OrderBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal))
        {
            var ignored = new List<RecipeProblem>();
            var text = Files.InputFile.Problem(path, RecipeChain.MaxRecipeBytes) is null ? Files.InputFile.ReadAllText(path, RecipeChain.MaxRecipeBytes) : "";
            var tree = RecipeYamlReader.Read(text, path, Path.GetDirectoryName(path)!, ignored) as RecipeMapping;
            var name = (tree?.Get("name") as RecipeScalar)?.Text ?? Path.GetFileNameWithoutExtension(path);
            var description = (tree?.Get("description") as RecipeScalar)?.Text ?? "";
            list.Add(new BuiltInRecipe(name, description, path));
        }

        return list;
    }

    internal static IEnumerable<string> Names(string recipesDirectory) =>
        Directory.Exists(recipesDirectory)
            ? Directory.EnumerateFiles(recipesDirectory, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            : [];

    private static string? Locate(string nameOrPath, string recipes, List<RecipeProblem> problems)
    {
        var isPath = nameOrPath.Contains('/') || nameOrPath.Contains('\\') || nameOrPath.EndsWith(".yaml", StringComparison.Ordinal) || nameOrPath.EndsWith(".yml", StringComparison.Ordinal);
        var file = Path.GetFullPath(isPath ? nameOrPath : Path.Combine(recipes, nameOrPath + ".yaml"));
        if (File.Exists(file))
        {
            return file;
        }

        var message = isPath
            ? $"recipe file '{nameOrPath}' does not exist (looked for {RecipeFiles.Display(file)})"
            : $"no recipe named '{nameOrPath}' in {RecipeFiles.Display(recipes)}" + DidYouMean.Hint(nameOrPath, Names(recipes))
              + $"; built-in recipes: {string.Join(", ", Names(recipes).Order(StringComparer.Ordinal))}";
        problems.Add(new RecipeProblem("--recipe", 0, 0, message));
        return null;
    }

    private static List<RecipeProblem> Distinct(List<RecipeProblem> problems) => problems.Distinct().ToList();
}
