using System.Collections.Immutable;

namespace Tfwheel.Recipes;

/// <summary>
/// bazel.repo-env, bazel.action-env and configure.env as the recipe wrote them, {placeholders} unexpanded. The
/// recipe's values are expanded for its current Python; these let <see cref="Recipe.ForPython"/> expand them for
/// another, and tell which values follow the Python (those go on each bazel command line, not in .bazelrc.user).
/// </summary>
public sealed record EnvironmentTemplates(
    ImmutableSortedDictionary<string, string> RepoEnv,
    ImmutableSortedDictionary<string, string> ActionEnv,
    ImmutableSortedDictionary<string, string> ConfigureEnv)
{
    public static EnvironmentTemplates None { get; } = new(
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    public bool RepoEnvFollowsPython(string name) => FollowsPython(RepoEnv, name);

    public bool ActionEnvFollowsPython(string name) => FollowsPython(ActionEnv, name);

    private static bool FollowsPython(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var template) && template.Contains("{python}", StringComparison.Ordinal);
}
