using System.Collections.Immutable;

namespace Tfwheel.Recipes;

/// <summary>The environment for the tree's configure.py (recipe section <c>configure</c>); PYTHON_BIN_PATH is added by tfwheel.</summary>
public sealed record ConfigureSettings
{
    public IReadOnlyDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>configure.py is killed after this long; it never needs more than a minute.</summary>
    public int TimeoutSeconds { get; init; } = 300;
}
