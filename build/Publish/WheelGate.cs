namespace Tfwheel.Publish;

/// <summary>
/// Publish's gate over the wheels, each judged alone: it must still have the SHA-256 manifest.json recorded for it,
/// be one manifest.json lists (when it lists any), and its own verify-cpXY.json and smoke-cpXY.json must have passed
/// for that very SHA-256 (unless --allow-unverified, when the release notes say so per wheel). Every failing
/// wheel is named in one refusal, so one run shows all there is to fix.
/// </summary>
internal static class WheelGate
{
    private const int MaxListed = 10;

    public static void Check(ArtifactSet artifacts, bool allowUnverified, List<string> checks, List<string> problems)
    {
        var wheels = artifacts.Wheels;
        var unverified = new List<string>();
        var listed = artifacts.Provenance.ManifestWheels;
        foreach (var wheel in wheels)
        {
            var p = artifacts.Provenance.For(wheel.Name);
            var (verify, smoke) = (p.Verify.Verdict(wheel.Sha256), p.Smoke.Verdict(wheel.Sha256));
            checks.Add($"wheel {p.PythonTag}: {wheel.Name} (sha256 {wheel.Sha256}), verify {Show(verify)}, smoke {Show(smoke)}");
            if (!p.IsVerifiedFor(wheel.Sha256))
            {
                var other = new[] { (p.Verify, verify), (p.Smoke, smoke) }
                    .Where(r => r.Item2 == ReportVerdict.OtherWheel)
                    .Select(r => $" {r.Item1.File} judged {(r.Item1.WheelSha256 is { } judged ? "sha256 " + Clip(judged) : "a wheel it does not name (no wheel.sha256)")}, not this one.");
                unverified.Add($"{wheel.Name} (sha256 {wheel.Sha256}) is not verified and smoke-tested (verify: {Show(verify, p.Verify)}, smoke: {Show(smoke, p.Smoke)}).{string.Concat(other)}");
            }

            if (p.RecordedSha256 is { } recorded && !string.Equals(recorded, wheel.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"publish: {wheel.Name} has sha256 {wheel.Sha256} but manifest.json recorded {Clip(recorded)}; the wheel changed after the build. Rebuild it (Wheel target) so manifest, verification and smoke results describe the file being published.");
            }

            if (listed is not null && !listed.Contains(wheel.Name, StringComparer.Ordinal))
            {
                problems.Add($"publish: {wheel.Name} is not among the wheels manifest.json lists ({List(listed)}): it is not from the last Compile run (stale or foreign). Rerun Compile, which leaves exactly the wheels it built, or remove it.");
            }
        }

        if (unverified.Count > 0 && !allowUnverified)
        {
            const string remedy = "Run Verify and Smoke on the wheels (the Wheel target), or pass --allow-unverified (the release notes will say so).";
            problems.Add(wheels.Count == 1
                ? $"publish: {unverified[0]} {remedy}"
                : $"publish: {unverified.Count} of {wheels.Count} wheels are not verified and smoke-tested for their own sha256:{string.Concat(unverified.Select(u => "\n      " + u))}\n    {remedy}");
        }
        else if (unverified.Count > 0)
        {
            checks.Add($"--allow-unverified: publishing {unverified.Count} of {wheels.Count} wheels unverified; the release notes say which");
        }
    }

    public static string Show(ReportVerdict v) => v switch
    {
        ReportVerdict.Passed => "ok",
        ReportVerdict.Failed => "failed",
        ReportVerdict.Missing => "missing",
        _ => "for another wheel",
    };

    private static string Show(ReportVerdict v, ReportReading report) =>
        v == ReportVerdict.Failed && report.Summary is { } summary ? $"failed, {Clip(summary)}" : Show(v);

    private static string List(IReadOnlyList<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Take(MaxListed).Select(Clip)) + (names.Count > MaxListed ? $", and {names.Count - MaxListed} more" : "");

    /// <summary>Text from a report, one line and bounded: reports are inputs, and may be hostile.</summary>
    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
