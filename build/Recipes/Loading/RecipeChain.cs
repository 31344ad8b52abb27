using Tfwheel.Files;
using Tfwheel.Reporting;

namespace Tfwheel.Recipes.Loading;

/// <summary>One parsed and shape-checked recipe file of an extends chain.</summary>
internal sealed record RecipeLayer(string File, RecipeMapping Tree);

/// <summary>
/// Follows <c>extends</c> from the named recipe to the root: a bare name is a file in the recipes folder,
/// anything with a '/' or a .yaml ending is relative to the extending file. Stops at cycles and reports them
/// with the whole chain.
/// </summary>
internal sealed class RecipeChain(string recipesDirectory, List<RecipeProblem> problems, ISet<string> dropped)
{
    /// <summary>The largest recipe file read; the built-in ones are a few KB.</summary>
    public const long MaxRecipeBytes = 1 << 20;

    /// <summary>False when a file could not be read or an extends could not be followed: the layers are then not the whole recipe.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>The layers root-first (the named file last).</summary>
    public IReadOnlyList<RecipeLayer> Read(string file)
    {
        var layers = new List<RecipeLayer>();
        var visited = new List<string>();
        string? next = file;
        while (next is not null)
        {
            visited.Add(next);
            var tree = ReadFile(next);
            if (tree is null)
            {
                Complete = false;
                break;
            }

            layers.Insert(0, new RecipeLayer(next, tree));
            next = tree.Get("extends") is RecipeScalar { IsNull: false } extends ? Follow(extends, next, visited) : null;
        }

        return layers;
    }

    private RecipeMapping? ReadFile(string path)
    {
        var display = RecipeFiles.Display(path);
        string text;
        try
        {
            text = InputFile.Problem(path, MaxRecipeBytes) is { } problem
                ? throw new IOException($"the recipe {problem}")
                : InputFile.ReadAllText(path, MaxRecipeBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new RecipeProblem(display, 1, 1, $"cannot read the recipe: {e.Message}"));
            return null;
        }

        var before = problems.Count;
        var node = RecipeYamlReader.Read(text, display, Path.GetDirectoryName(path)!, problems);
        if (node is null)
        {
            if (problems.Count == before)
            {
                problems.Add(new RecipeProblem(display, 1, 1, "the recipe is empty; write at least 'extends: base' and the keys you change"));
            }

            return null;
        }

        if (node is RecipeMapping { Entries.Count: 0 } || node is RecipeScalar { IsNull: true })
        {
            problems.Add(node.Mark.Problem("the recipe is empty; write at least 'extends: base' and the keys you change"));
            return null;
        }

        if (node is not RecipeMapping mapping)
        {
            problems.Add(node.Mark.Problem($"a recipe is a mapping of keys (name:, extends:, tensorflow: ...), got {node.KindName}"));
            return null;
        }

        // A file with no recipe key at all is something else (a config, a secret): its keys and values stay unshown.
        if (!mapping.Entries.Any(e => RecipeSchema.Root.Keys.ContainsKey(e.Key.Text)))
        {
            problems.Add(node.Mark.Problem($"not a tfwheel recipe: none of its {mapping.Entries.Count} top-level keys is a recipe key (name, extends, tensorflow, python, target, ...); its content is not shown"));
            return null;
        }

        return (RecipeMapping?)RecipeShapeChecker.Check(node, RecipeSchema.Root, "", problems, dropped);
    }

    private string? Follow(RecipeScalar extends, string from, List<string> visited)
    {
        var text = extends.Text;
        var isPath = text.Contains('/') || text.Contains('\\') || text.EndsWith(".yaml", StringComparison.Ordinal) || text.EndsWith(".yml", StringComparison.Ordinal);
        if (isPath && !text.EndsWith(".yaml", StringComparison.Ordinal) && !text.EndsWith(".yml", StringComparison.Ordinal))
        {
            problems.Add(extends.Mark.Problem($"extends '{TerminalText.Escape(text, 200)}': extends takes a recipe, a name from the recipes folder or a path ending in .yaml or .yml"));
            Complete = false;
            return null;
        }

        var target = Path.GetFullPath(isPath ? Path.Combine(Path.GetDirectoryName(from)!, text) : Path.Combine(recipesDirectory, text + ".yaml"));
        if (!File.Exists(target))
        {
            var message = isPath
                ? $"extends '{text}': no such file (looked for {RecipeFiles.Display(target)}; the path is relative to this file)"
                : $"extends '{text}': no recipe of that name in {RecipeFiles.Display(recipesDirectory)}" + DidYouMean.Hint(text, RecipeLoader.Names(recipesDirectory));
            problems.Add(extends.Mark.Problem(message));
            Complete = false;
            return null;
        }

        if (visited.Contains(target))
        {
            var chain = string.Join(" -> ", visited.Append(target).Select(Path.GetFileName));
            problems.Add(extends.Mark.Problem($"extends cycle: {chain}; a recipe cannot extend itself through its chain"));
            Complete = false;
            return null;
        }

        return target;
    }
}
