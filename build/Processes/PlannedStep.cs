using System.Collections.Immutable;

namespace Tfwheel.Processes;

/// <summary>
/// One thing the pipeline will do, exactly as it will do it: the argv, the working directory, the
/// environment variables it sets and the files it writes (with their full content). Plan prints these;
/// the runners execute the same records, so what Plan shows is what runs. Secret values are never in a
/// step: they appear as *** and are filled in by the runner at run time.
/// </summary>
/// <param name="Name">The pipeline stage it belongs to: fetch, patch, configure, compile, smoke, ...</param>
/// <param name="Description">One line for people: what this step is for.</param>
public sealed record PlannedStep(string Name, string Description)
{
    /// <summary>The program and its arguments; empty for a step that only writes files.</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];

    public string? Cwd { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Files the step writes: absolute path -> full content.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
