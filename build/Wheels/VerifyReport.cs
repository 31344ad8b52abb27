namespace Tfwheel.Wheels;

/// <summary>What Verify found; <see cref="Ok"/> is false when any finding is an error.</summary>
public sealed record VerifyReport(WheelSummary Wheel, VerifyRequirements Requirements, IReadOnlyList<NativeBinary> Binaries, IReadOnlyList<Finding> Findings)
{
    public bool Ok => Findings.All(f => f.Severity != Severity.Error);

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);
}
