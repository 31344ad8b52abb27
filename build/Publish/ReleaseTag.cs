using System.Text.RegularExpressions;
using Tfwheel.Errors;
using Tfwheel.Recipes;

namespace Tfwheel.Publish;

/// <summary>Expands the recipe's publish.tag template ("tf-{tensorflow.version}-{name}") into a git tag.</summary>
public static partial class ReleaseTag
{
    public static string Expand(string template, Recipe recipe)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tensorflow.version"] = recipe.Tensorflow.Version,
            ["name"] = recipe.Name,
            ["python"] = recipe.Python,
            ["target.arch"] = recipe.Target.ArchTag,
        };
        var tag = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new UsageException($"publish.tag: unknown placeholder '{{{m.Groups[1].Value}}}' in '{template}'. Use {string.Join(", ", values.Keys.Select(k => "{" + k + "}"))}."));
        if (tag.Length == 0 || !ValidTag().IsMatch(tag) || tag.Contains("..", StringComparison.Ordinal) || tag.EndsWith(".lock", StringComparison.Ordinal))
        {
            // git check-ref-format: no spaces, ~ ^ : ? * [ \, "..", or a trailing ".lock".
            throw new UsageException($"publish.tag: '{tag}' (from '{template}') is not a valid git tag. Use letters, digits, '.', '-', '_', '+' and '/'.");
        }

        return tag;
    }

    [GeneratedRegex(@"\{([a-z.]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+/-]*$")]
    private static partial Regex ValidTag();
}
