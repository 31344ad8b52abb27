namespace Tfwheel.Compile;

/// <summary>What the Build Event Protocol file says about a finished build.</summary>
/// <param name="Finished">A buildFinished event was seen (false when bazel died or was killed before writing one).</param>
/// <param name="ExitCodeName">Bazel's name for the result: SUCCESS, BUILD_FAILURE, INTERRUPTED, ...</param>
/// <param name="FailedTargets">Labels of targets that failed or were aborted.</param>
/// <param name="FirstFailedAction">The first failing action reported, if any.</param>
public sealed record BuildOutcome(
    bool Finished,
    bool OverallSuccess,
    string? ExitCodeName,
    IReadOnlyList<string> FailedTargets,
    FailedAction? FirstFailedAction)
{
    /// <summary>How the spawns ran (local, remote, cache hits), when the events say.</summary>
    public SpawnCounts? Spawns { get; init; }

    public static BuildOutcome Missing { get; } = new(false, false, null, [], null);
}
