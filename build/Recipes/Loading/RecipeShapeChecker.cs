using System.Globalization;
using Tfwheel.Reporting;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Checks a parsed tree against <see cref="RecipeSchema"/>: unknown and duplicate keys, wrong types, values
/// outside an enumeration. Reports every problem and returns the tree without the offending entries, so
/// later stages see only well-typed values.
/// </summary>
internal static class RecipeShapeChecker
{
    private static readonly string[] TrueWords = ["true", "True", "TRUE"];
    private static readonly string[] FalseWords = ["false", "False", "FALSE"];

    /// <summary>Checks <paramref name="node"/>; every dropped key path is added to <paramref name="dropped"/> when given.</summary>
    public static RecipeNode? Check(RecipeNode node, RecipeShape shape, string path, List<RecipeProblem> problems, ISet<string>? dropped = null)
    {
        var result = CheckShape(node, shape, path, problems, dropped);
        if (result is null)
        {
            dropped?.Add(path);
        }

        return result;
    }

    private static RecipeNode? CheckShape(RecipeNode node, RecipeShape shape, string path, List<RecipeProblem> problems, ISet<string>? dropped) => shape switch
    {
        SectionShape section => CheckSection(node, section, path, problems, dropped),
        DictionaryShape => CheckDictionary(node, shape, path, problems),
        ListShape => CheckList(node, shape, path, problems),
        OneOrListShape => node is RecipeSequence ? CheckList(node, shape, path, problems) : CheckScalar(node, new ScalarShape(ScalarKind.String), path, problems),
        ScalarShape scalar => CheckScalar(node, scalar, path, problems),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static bool IsTrue(string text) => TrueWords.Contains(text);

    private static RecipeMapping? CheckSection(RecipeNode node, SectionShape section, string path, List<RecipeProblem> problems, ISet<string>? dropped)
    {
        if (node is not RecipeMapping mapping)
        {
            problems.Add(node.Mark.Problem(WrongType(path, section, node)));
            return null;
        }

        var kept = new List<RecipeEntry>();
        foreach (var entry in UniqueEntries(mapping, problems))
        {
            var key = entry.Key.Text;
            if (!section.Keys.TryGetValue(key, out var shape))
            {
                problems.Add(entry.Key.Mark.Problem(UnknownKey(key, path, section)));
                continue;
            }

            var value = Check(entry.Value, shape, Join(path, key), problems, dropped);
            if (value is not null)
            {
                kept.Add(entry with { Value = value });
            }
        }

        return mapping with { Entries = kept };
    }

    private static RecipeMapping? CheckDictionary(RecipeNode node, RecipeShape shape, string path, List<RecipeProblem> problems)
    {
        if (node is not RecipeMapping mapping)
        {
            problems.Add(node.Mark.Problem(WrongType(path, shape, node)));
            return null;
        }

        var kept = new List<RecipeEntry>();
        foreach (var entry in UniqueEntries(mapping, problems))
        {
            if (entry.Value is RecipeScalar { IsNull: false })
            {
                kept.Add(entry);
            }
            else
            {
                problems.Add(entry.Value.Mark.Problem($"'{Join(path, entry.Key.Text)}' expects a string, got {entry.Value.KindName}"));
            }
        }

        return mapping with { Entries = kept };
    }

    private static RecipeSequence? CheckList(RecipeNode node, RecipeShape shape, string path, List<RecipeProblem> problems)
    {
        if (node is not RecipeSequence sequence)
        {
            var hint = node is RecipeScalar { IsNull: false } ? " (write [value] for a list of one)" : "";
            problems.Add(node.Mark.Problem(WrongType(path, shape, node) + hint));
            return null;
        }

        var bad = sequence.Items.Where(i => i is not RecipeScalar { IsNull: false }).ToList();
        foreach (var item in bad)
        {
            problems.Add(item.Mark.Problem($"'{path}' expects a list of strings, got {item.KindName} as an item"));
        }

        return bad.Count == 0 ? sequence : null;
    }

    private static RecipeScalar? CheckScalar(RecipeNode node, ScalarShape shape, string path, List<RecipeProblem> problems)
    {
        if (node is not RecipeScalar scalar || (scalar.IsNull && !shape.Nullable))
        {
            problems.Add(node.Mark.Problem(WrongType(path, shape, node)));
            return null;
        }

        if (scalar.IsNull)
        {
            return scalar;
        }

        var text = scalar.Text;
        string? problem = shape.Kind switch
        {
            ScalarKind.Integer when !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                $"'{path}' expects an integer, got '{text}'",
            ScalarKind.Boolean when !TrueWords.Contains(text) && !FalseWords.Contains(text) =>
                $"'{path}' expects true or false, got '{text}'",
            ScalarKind.String when shape.Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal) =>
                $"unknown value '{text}' for '{path}' (allowed: {string.Join(", ", allowed)})" + DidYouMean.Hint(text, allowed),
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(scalar.Mark.Problem(problem));
            return null;
        }

        return scalar;
    }

    private static IEnumerable<RecipeEntry> UniqueEntries(RecipeMapping mapping, List<RecipeProblem> problems)
    {
        var seen = new Dictionary<string, RecipeEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (seen.TryGetValue(entry.Key.Text, out var first))
            {
                problems.Add(entry.Key.Mark.Problem($"duplicate key '{entry.Key.Text}' (first written at line {first.Key.Mark.Line})"));
                continue;
            }

            seen.Add(entry.Key.Text, entry);
            yield return entry;
        }
    }

    private static string UnknownKey(string text, string path, SectionShape section)
    {
        // A key is quoted, never its value, and never more than a name's length of it.
        var key = TerminalText.Escape(text, 64);
        var where = path.Length == 0 ? "" : $" in '{path}'";
        var lower = key.ToLowerInvariant();
        if (lower.Contains("token", StringComparison.Ordinal) || lower.Contains("password", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal))
        {
            return $"unknown key '{key}'{where}: secrets never go in a recipe; tfwheel reads tokens from the environment (GITHUB_TOKEN, or the variables named in bazel.remote.header-env)";
        }

        return $"unknown key '{key}'{where}" + DidYouMean.Hint(text, section.Keys.Keys);
    }

    private static string WrongType(string path, RecipeShape shape, RecipeNode node) =>
        $"'{path}' expects {shape.Expected}, got {node.KindName}"
        + (node is RecipeScalar { IsNull: true } && shape is SectionShape or DictionaryShape ? " (write {} for an empty mapping)" : "");

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
