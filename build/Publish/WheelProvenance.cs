namespace Tfwheel.Publish;

/// <summary>What the build recorded about one wheel: manifest.json's entry for it and its own two reports.</summary>
/// <param name="Name">The wheel's file name.</param>
/// <param name="PythonTag">"cp312": it names the reports (verify-cp312.json), so a report for another Python is never read for this wheel.</param>
public sealed record WheelProvenance(string Name, string PythonTag)
{
    /// <summary>manifest.json's <c>python</c> for this wheel ("3.12").</summary>
    public string? Python { get; init; }

    /// <summary>The wheel's SHA-256 as Compile recorded it in manifest.json; Publish refuses a wheel that no longer matches.</summary>
    public string? RecordedSha256 { get; init; }

    public IReadOnlyList<string> BazelArgv { get; init; } = [];

    public ReportReading Verify { get; init; } = new("verify.json", null, null, null);

    public ReportReading Smoke { get; init; } = new("smoke.json", null, null, null);

    /// <summary>Both of its reports passed for this very wheel: a green report for another wheel does not count.</summary>
    public bool IsVerifiedFor(string wheelSha256) =>
        Verify.Verdict(wheelSha256) == ReportVerdict.Passed && Smoke.Verdict(wheelSha256) == ReportVerdict.Passed;
}

/// <summary>What one report file says, read tolerantly.</summary>
/// <param name="File">The report's file name, e.g. verify-cp312.json.</param>
/// <param name="Ok">Its <c>ok</c>; null when the report is missing or unreadable.</param>
/// <param name="WheelSha256">Its <c>wheel.sha256</c>: the wheel it judged.</param>
public sealed record ReportReading(string File, bool? Ok, string? Summary, string? WheelSha256)
{
    /// <summary>What this report says about the wheel with <paramref name="wheelSha256"/>.</summary>
    public ReportVerdict Verdict(string wheelSha256) =>
        Ok is null ? ReportVerdict.Missing
        : !string.Equals(WheelSha256, wheelSha256, StringComparison.OrdinalIgnoreCase) ? ReportVerdict.OtherWheel
        : Ok.Value ? ReportVerdict.Passed
        : ReportVerdict.Failed;
}
