using System.Collections.Immutable;
using Tfwheel.Errors;
using Tfwheel.Platforms;

namespace Tfwheel.Smoke;

/// <summary>The outcome of one smoke run: what was installed where, and what each workload did.</summary>
/// <param name="Wheel">The wheel installed.</param>
/// <param name="Python">The interpreter that made the venv.</param>
/// <param name="WheelArch">The architecture the wheel is for, if known.</param>
public sealed record SmokeReport(string Wheel, string Python, string? WheelArch, HostPlatform Host, IReadOnlyList<WorkloadResult> Workloads)
{
    /// <summary>The variables the workloads ran under (see <see cref="SmokeEnvironment.For"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Lower-case hex SHA-256 of the wheel installed; Publish checks it against the wheel it publishes.</summary>
    public string? WheelSha256 { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Every MLIR crash reproducer and graph dump that appeared during the run.</summary>
    public IReadOnlyList<string> Artifacts => Workloads.SelectMany(w => w.Artifacts).ToList();

    public SmokeVerdict Verdict =>
        Workloads.Any(w => w.Failed) ? SmokeVerdict.Failed
        : Workloads.Any(w => w.Outcome == SmokeOutcome.Skipped) ? SmokeVerdict.Skipped
        : SmokeVerdict.Passed;

    /// <summary>One line for the log: "smoke: 5 passed, 1 wrong result, 1 crashed of 7 workloads".</summary>
    public string Summary
    {
        get
        {
            var counts = Workloads.GroupBy(w => w.Outcome).OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {Describe(g.Key)}");
            return $"smoke: {string.Join(", ", counts)} of {Workloads.Count} workload{(Workloads.Count == 1 ? "" : "s")}";
        }
    }

    /// <summary>
    /// Throws <see cref="StepFailedException"/> with <see cref="ExitCodes.Smoke"/> when any workload failed,
    /// naming each failure. Skipped workloads do not throw: the caller decides (and says) what a skip means.
    /// </summary>
    public SmokeReport EnsurePassed(string reportPath)
    {
        if (Verdict != SmokeVerdict.Failed)
        {
            return this;
        }

        var failures = Workloads.Where(w => w.Failed).Select(w => $"  {w.Name}: {Describe(w.Outcome)}: {w.Note}");
        throw new StepFailedException(
            $"{Summary}:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, failures)}{System.Environment.NewLine}" +
            $"See {reportPath} for each workload's output; run a workload by hand with the venv's python to reproduce it.",
            ExitCodes.Smoke);
    }

    public static string Describe(SmokeOutcome outcome) => outcome switch
    {
        SmokeOutcome.Passed => "passed",
        SmokeOutcome.WrongResult => "wrong result",
        SmokeOutcome.Crashed => "crashed",
        SmokeOutcome.TimedOut => "timed out",
        SmokeOutcome.ImportFailed => "import failed",
        SmokeOutcome.Errored => "error",
        SmokeOutcome.Skipped => "skipped",
        _ => outcome.ToString(),
    };
}
