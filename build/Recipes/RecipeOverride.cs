namespace Tfwheel.Recipes;

/// <summary>
/// One command-line override of a recipe value, applied after the extends chain in list order (later wins).
/// <c>--set bazel.jobs=8</c> is <c>new("--set", "bazel.jobs", "8")</c>; an explicit flag such as
/// <c>--python=3.13</c> becomes <c>new("--python", "python", "3.13")</c> and is placed after the sets.
/// </summary>
/// <param name="Source">What the user typed, named in error messages: "--set" or the flag ("--python").</param>
/// <param name="Path">Dotted recipe key path, kebab-case: "bazel.remote.cache".</param>
/// <param name="Value">
/// The text after '='. Values starting with '[', '{', '"' or '\'' are read as YAML flow text
/// ("[a,b]" is a list); anything else is taken verbatim as a plain scalar.
/// </param>
public sealed record RecipeOverride(string Source, string Path, string Value)
{
    /// <summary>Parses "key.path=value" as given to --set.</summary>
    public static RecipeOverride ParseSet(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new RecipeException(
            [
                new RecipeProblem("--set", 0, 0, $"expected key.path=value, got '{assignment}'. Example: --set bazel.jobs=8"),
            ]);
        }

        return new RecipeOverride("--set", assignment[..equals].Trim(), assignment[(equals + 1)..]);
    }

    /// <summary>How problems name this override: "--set bazel.jobs" or "--python" (the value is left out: it may be a secret).</summary>
    internal string Label => Source == "--set" ? $"--set {Path}" : Source;
}
