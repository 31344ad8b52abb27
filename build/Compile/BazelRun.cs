namespace Tfwheel.Compile;

/// <summary>One finished bazel build: its exit code, what the Build Event Protocol file said, and bazel's process summary.</summary>
/// <param name="Argv">The argv that ran, remote header values as ***.</param>
public sealed record BazelRun(int ExitCode, BuildOutcome Outcome, ProcessSummary? Summary, IReadOnlyList<string> Argv, TimeSpan Duration)
{
    /// <summary>The first ERROR: lines bazel printed (analysis and loading errors have no failing action to point at).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public long RemoteCacheHits => Summary?.RemoteCacheHits ?? 0;
}
