using System.Text.Json;
using Tfwheel.Compile;

namespace Tfwheel.Tests.Compile;

/// <summary>
/// The spawn counts newer bazels put in buildMetrics.actionSummary.runnerCount (build_event_stream.proto,
/// ActionSummary.RunnerCount); Bazel 4's progress-text form is covered end to end by RemoteExecutionTests.
/// </summary>
public sealed class SpawnCountsTests
{
    [Fact]
    public void Runner_counts_are_sorted_into_local_remote_cache_hits_and_internal()
    {
        using var metrics = JsonDocument.Parse("""
            {"actionSummary": {"actionsExecuted": "9", "runnerCount": [
              {"name": "total", "count": 9}, {"name": "internal", "count": 1, "execKind": ""},
              {"name": "remote", "count": 3, "execKind": "Remote"}, {"name": "remote cache hit", "count": 2, "execKind": "Remote"},
              {"name": "disk cache hit", "count": 1}, {"name": "linux-sandbox", "count": 1, "execKind": "Local"},
              {"name": "worker", "count": 1, "execKind": "Worker"}]}}
            """);

        var counts = SpawnCounts.FromRunnerCount(metrics.RootElement);

        Assert.Equal(new SpawnCounts(Total: 9, Local: 2, Remote: 3, CacheHits: 3, Internal: 1), counts);
    }

    [Fact]
    public void The_console_summary_in_progress_text_is_read_with_grouped_digits()
    {
        var counts = SpawnCounts.FromProgressText("[3 / 3] checking cached actions\nINFO: 1,204 processes: 1,004 remote cache hit, 3 internal, 197 linux-sandbox.\nINFO: Build completed successfully\n");

        Assert.Equal(new SpawnCounts(Total: 1204, Local: 197, Remote: 0, CacheHits: 1004, Internal: 3), counts);
    }
}
