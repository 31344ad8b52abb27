using System.Text.Json;

namespace Tfwheel.Compile;

/// <summary>
/// How bazel ran the build's spawns: on this machine (any sandbox or worker), on the remote executor,
/// answered by a cache (remote or disk), or internally (symlink trees, file writes). Read from the build
/// events: newer bazels list them in buildMetrics.actionSummary.runnerCount (build_event_stream.proto,
/// message ActionSummary.RunnerCount); Bazel 4 only copies its console summary
/// ("INFO: 3 processes: 1 internal, 2 remote.") into the progress events' stderr.
/// </summary>
public sealed record SpawnCounts(long Total, long Local, long Remote, long CacheHits, long Internal)
{
    /// <summary>Sorts strategy names as bazel prints them into the four kinds.</summary>
    public static SpawnCounts FromKinds(long total, IEnumerable<KeyValuePair<string, long>> kinds)
    {
        long local = 0, remote = 0, hits = 0, @internal = 0;
        foreach (var (name, count) in kinds)
        {
            switch (name)
            {
                case "total":
                    break;
                case "internal":
                    @internal += count;
                    break;
                case "remote":
                    remote += count;
                    break;
                case var hit when hit.EndsWith("cache hit", StringComparison.Ordinal):
                    hits += count; // "remote cache hit", "disk cache hit"
                    break;
                default:
                    local += count; // local, linux-sandbox, darwin-sandbox, processwrapper-sandbox, worker, ...
                    break;
            }
        }

        return new SpawnCounts(total, local, remote, hits, @internal);
    }

    public static SpawnCounts From(ProcessSummary summary) => FromKinds(summary.Processes, summary.ByKind);

    /// <summary>The runnerCount list of a buildMetrics event ([{"name": "remote", "count": 2, "execKind": "Remote"}, ...]), or null.</summary>
    public static SpawnCounts? FromRunnerCount(JsonElement metrics)
    {
        if (!metrics.TryGetProperty("actionSummary", out var summary) || !summary.TryGetProperty("runnerCount", out var runners) ||
            runners.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var kinds = new List<KeyValuePair<string, long>>();
        long total = 0;
        foreach (var runner in runners.EnumerateArray().Take(1000))
        {
            var name = runner.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
            var count = runner.TryGetProperty("count", out var c) && c.TryGetInt64(out var v) ? v : 0;
            if (name == "total")
            {
                total = count;
            }

            kinds.Add(KeyValuePair.Create(name, count));
        }

        var counts = FromKinds(0, kinds);
        return counts with { Total = total > 0 ? total : counts.Local + counts.Remote + counts.CacheHits + counts.Internal };
    }

    /// <summary>The summary line inside a progress event's stderr text, or null.</summary>
    public static SpawnCounts? FromProgressText(string text)
    {
        SpawnCounts? found = null;
        foreach (var line in text.Split('\n').Take(10_000))
        {
            if (ProcessSummary.TryParse(line.TrimEnd('\r')) is { } summary)
            {
                found = From(summary);
            }
        }

        return found;
    }
}
