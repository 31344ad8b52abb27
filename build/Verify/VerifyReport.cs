using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>What Verify found; <see cref="Ok"/> is false when any finding is an error.</summary>
public sealed record VerifyReport(WheelSummary Wheel, VerifyRequirements Requirements, IReadOnlyList<NativeBinary> Binaries, IReadOnlyList<Finding> Findings)
{
    public bool Ok => Findings.All(f => f.Severity != Severity.Error);

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    /// <summary>For a task: throws <see cref="Errors.StepFailedException"/> with exit code 8 (Verify) when any finding is an error.</summary>
    public void EnsureOk()
    {
        if (!Ok)
        {
            var first = Findings.First(f => f.Severity == Severity.Error);
            throw new Errors.StepFailedException(
                $"Verify failed: {ErrorCount} error(s) in {Reporting.TerminalText.Escape(Wheel.File)}, first [{first.Code}] {(first.Path.Length > 0 ? Reporting.TerminalText.Escape(first.Path, 200) : "the archive itself")}. Fix the build (each finding says how) and verify again.",
                Errors.ExitCodes.Verify);
        }
    }
}

/// <summary>The "wheel" object of the report: which file, what its name says, how big it is.</summary>
public sealed record WheelSummary(string File, string? Name, string? Version, IReadOnlyList<string> Tags, long SizeBytes, int Files)
{
    /// <summary>Lower-case hex SHA-256 of the file judged; Publish checks it against the wheel it publishes.</summary>
    public string? Sha256 { get; init; }
}
