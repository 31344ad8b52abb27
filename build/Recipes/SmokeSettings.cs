namespace Tfwheel.Recipes;

/// <summary>The workloads Smoke runs (recipe section <c>smoke</c>).</summary>
public sealed record SmokeSettings
{
    /// <summary>Built-in workload names (add, matmul, ...) or absolute paths of .py files.</summary>
    public IReadOnlyList<string> Workloads { get; init; } = [];

    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Extra pip install arguments, e.g. "--no-index", "--find-links", "/wheels".</summary>
    public IReadOnlyList<string> PipArgs { get; init; } = [];
}
