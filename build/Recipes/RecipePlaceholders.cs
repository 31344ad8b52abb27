using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Tfwheel.Recipes;

/// <summary>
/// {key} placeholders in recipe values: environment values (bazel.repo-env, bazel.action-env, configure.env)
/// are expanded when the recipe loads, so HERMETIC_PYTHON_VERSION: "{python}" follows --set python=...;
/// publish.tag stays a template that Publish expands with <see cref="Expand"/>.
/// </summary>
public static partial class RecipePlaceholders
{
    public static IReadOnlyList<string> Known { get; } =
        ["name", "python", "tensorflow.version", "target.os", "target.arch", "target.min-os", "wheel.name"];

    /// <summary>Replaces every known placeholder in <paramref name="template"/> with the recipe's value.</summary>
    public static string Expand(string template, Recipe recipe) =>
        Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "name" => recipe.Name,
            "python" => recipe.Python,
            "tensorflow.version" => recipe.Tensorflow.Version,
            "target.os" => RecipeEnums.Text(recipe.Target.Os),
            "target.arch" => recipe.Target.ArchTag,
            "target.min-os" => recipe.Target.MinOs ?? "",
            "wheel.name" => recipe.Wheel.Name,
            _ => m.Value,
        });

    /// <summary>
    /// Expands the environment values from the recipe's templates (the values themselves when it has none: a
    /// recipe built in code) for its current Python.
    /// </summary>
    internal static Recipe ExpandEnvironments(Recipe recipe) => recipe with
    {
        Bazel = recipe.Bazel with
        {
            RepoEnv = Expand(recipe.Bazel.RepoEnv, recipe.Templates.RepoEnv, recipe),
            ActionEnv = Expand(recipe.Bazel.ActionEnv, recipe.Templates.ActionEnv, recipe),
        },
        Configure = recipe.Configure with { Env = Expand(recipe.Configure.Env, recipe.Templates.ConfigureEnv, recipe) },
    };

    /// <summary>The placeholder keys written in <paramref name="text"/>, known or not.</summary>
    internal static IEnumerable<string> KeysIn(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    private static ImmutableSortedDictionary<string, string> Expand(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> templates, Recipe recipe) =>
        values.ToImmutableSortedDictionary(v => v.Key, v => Expand(templates.GetValueOrDefault(v.Key, v.Value), recipe), StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z0-9_.-]+)\}")]
    private static partial Regex Placeholder();
}
