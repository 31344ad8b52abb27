using Tfwheel.Errors;
using Tfwheel.Processes;

namespace Tfwheel.Compile;

/// <summary>
/// Runs the planned bazel build: fills in remote header values, streams every line into bazel.log and
/// the progress reporter, masks the header values bazel copied into the Build Event Protocol file, and
/// reads that file afterwards. Cancellation reaches bazel as SIGINT (the gateway's graceful stop), bazel
/// stops in order and the run ends as interrupted.
/// </summary>
public static class BazelRunner
{
    /// <summary>Bazel needs a moment to stop its actions and write its last events after SIGINT.</summary>
    public static TimeSpan GracePeriod { get; } = TimeSpan.FromSeconds(60);

    public static async Task<BazelRun> RunAsync(CompilePlan plan, IProcessGateway gateway, ProgressReporter progress, CancellationToken ct)
    {
        var values = RemoteHeaders.Resolve(plan.Headers, "Compile");
        var argv = plan.Build.Argv.ToArray();
        foreach (var (header, value) in values)
        {
            argv[header.ArgvIndex] = header.Argument(value);
        }

        var spec = StepProcess.ToSpec(plan.Build) with
        {
            Arguments = argv.Skip(1).ToList(),
            Secrets = [.. values.Values],
            CaptureStandardOutput = false,
            StreamOutput = false,
            GracePeriod = GracePeriod,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(plan.LogFile)!);
        File.Delete(plan.BuildEventFile); // a stale file from an earlier build must not be read as this build's outcome
        ProcessSummary? summary = null;
        var errors = new List<string>();
        var gate = new object();
        await using var writer = new Compile.BazelLog(plan.LogFile);
        writer.WriteLine("+ " + CommandLine.Format(spec));
        void OnLine(string line)
        {
            lock (gate)
            {
                writer.WriteLine(line);
                summary = ProcessSummary.TryParse(line) ?? summary;
                if (errors.Count < 5 && line.StartsWith("ERROR:", StringComparison.Ordinal))
                {
                    errors.Add(line);
                }
                progress.OnLine(line);
            }
        }

        ProcessResult result;
        try
        {
            result = await gateway.RunAsync(spec, new ProcessObserver(OnLine, OnLine), ct);
        }
        catch (OperationCanceledException e)
        {
            lock (gate)
            {
                progress.EndBar();
                writer.WriteLine("tfwheel: interrupted; bazel was asked to stop (SIGINT)");
            }

            await writer.FlushAsync();
            writer.ThrowIfIncomplete();
            throw new StepFailedException(
                $"Compile: interrupted; bazel stopped in order. Run the same command again to continue: bazel picks up where it stopped. Log: {plan.LogFile}",
                ExitCodes.Interrupted,
                e);
        }
        finally
        {
            BuildEventRedaction.Redact(plan.BuildEventFile, spec.Secrets);
        }

        progress.EndBar();
        await writer.FlushAsync();
        await writer.DisposeAsync();
        writer.ThrowIfIncomplete();
        if (result.ExitCode != 0 && errors.FirstOrDefault(e => e.Contains("No space left on device", StringComparison.Ordinal)) is { } full)
        {
            throw DiskFullException.For(null, new IOException(full.Trim()), $"bazel exited with code {result.ExitCode}; its log is {plan.LogFile}");
        }

        var outcome = BuildEventReader.Read(plan.BuildEventFile);
        return new BazelRun(result.ExitCode, outcome, summary, plan.Build.Argv, result.Duration) { Errors = errors };
    }
}

/// <summary>One finished bazel build: its exit code, what the Build Event Protocol file said, and bazel's process summary.</summary>
/// <param name="Argv">The argv that ran, remote header values as ***.</param>
public sealed record BazelRun(int ExitCode, BuildOutcome Outcome, ProcessSummary? Summary, IReadOnlyList<string> Argv, TimeSpan Duration)
{
    /// <summary>The first ERROR: lines bazel printed (analysis and loading errors have no failing action to point at).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public long RemoteCacheHits => Summary?.RemoteCacheHits ?? 0;
}
