namespace Tfwheel.Bazel;

/// <summary>One finished bazel build: its exit code, what the Build Event Protocol file said, and bazel's process summary.</summary>
/// <param name="Argv">The argv that ran, remote header values as ***.</param>
public sealed record BazelRun(int ExitCode, BuildOutcome Outcome, ProcessSummary? Summary, IReadOnlyList<string> Argv, TimeSpan Duration)
{
    public long RemoteCacheHits => Summary?.RemoteCacheHits ?? 0;
}
