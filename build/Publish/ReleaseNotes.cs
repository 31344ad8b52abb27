using System.Text;

namespace Tfwheel.Publish;

/// <summary>
/// Pure: the release body (Markdown) from the manifest and each wheel's own verify/smoke results (counted only when
/// they name that wheel's SHA-256): a row per wheel, then the SHA256SUMS lines, then each wheel's bazel command. It
/// lists the wheels only, as SHA256SUMS does: the reports change with every run, and a re-run of the same wheels
/// keeps the notes it published.
/// </summary>
public static class ReleaseNotes
{
    /// <summary>GitHub rejects a release body over 125000 characters.</summary>
    public const int MaxLength = 125_000;

    public static string Build(string tag, ArtifactSet artifacts)
    {
        var p = artifacts.Provenance;
        var wheels = artifacts.Wheels.Select(w => (Asset: w, Info: p.For(w.Name))).ToList();
        var b = new StringBuilder();
        b.Append("TensorFlow ").Append(p.TensorflowVersion is { } version ? version + " " : "")
            .Append(wheels.Count == 1 ? "wheel" : "wheels").Append(" built from source by tfwheel (`").Append(tag).Append("`).\n\n");
        var unverified = wheels.Where(w => !w.Info.IsVerifiedFor(w.Asset.Sha256)).ToList();
        if (unverified.Count > 0)
        {
            b.Append("> [!WARNING]\n> Published with --allow-unverified:");
            foreach (var (asset, info) in unverified)
            {
                b.Append(wheels.Count == 1 ? " " : $"\n> - {Cell(Python(info))} `{Cell(asset.Name)}`: ")
                    .Append(Verdict("verification", info.Verify.Verdict(asset.Sha256))).Append(", ")
                    .Append(Verdict("smoke test", info.Smoke.Verdict(asset.Sha256))).Append('.');
            }

            b.Append("\n\n");
        }

        b.Append("| | |\n|---|---|\n");
        b.Append("| Recipe | ").Append(Cell(p.Recipe)).Append(" |\n");
        b.Append("| TensorFlow | ").Append(Cell(p.TensorflowVersion)).Append(" |\n");
        b.Append("| Commit | ").Append(Cell(p.TensorflowCommit)).Append(" |\n\n");
        b.Append("| Python | Wheel | SHA-256 | Verify | Smoke |\n|---|---|---|---|---|\n");
        foreach (var (asset, info) in wheels)
        {
            b.Append("| ").Append(Cell(Python(info))).Append(" | `").Append(Cell(asset.Name)).Append("` | `").Append(asset.Sha256).Append("` | ")
                .Append(Result(info.Verify, asset.Sha256)).Append(" | ").Append(Result(info.Smoke, asset.Sha256)).Append(" |\n");
        }

        // Before the bazel command lines, so the checksums survive if a hostile manifest makes the body too long.
        b.Append("\nSHA-256 (as in SHA256SUMS):\n\n```\n").Append(ArtifactSet.ChecksumsText(artifacts.Wheels)).Append("```\n");
        foreach (var (_, info) in wheels.Where(w => w.Info.BazelArgv.Count > 0))
        {
            b.Append("\nBazel").Append(wheels.Count == 1 ? "" : $" ({Cell(Python(info))})").Append(":\n\n```\n")
                .Append(string.Join(' ', info.BazelArgv).Replace("```", "` ` `", StringComparison.Ordinal)).Append("\n```\n");
        }

        var text = b.ToString();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 20)] + "\n\n(truncated)\n";
    }

    private static string Python(WheelProvenance info) => info.Python ?? info.PythonTag;

    private static string Verdict(string what, ReportVerdict v) => v switch
    {
        ReportVerdict.Passed => what + " passed",
        ReportVerdict.Failed => what + " FAILED",
        ReportVerdict.Missing => what + " not run",
        _ => what + " not run on this wheel",
    };

    // A summary from a report about another wheel says nothing about this one, so it is left out.
    private static string Result(ReportReading report, string sha256) => report.Verdict(sha256) switch
    {
        ReportVerdict.Passed => "passed" + (report.Summary is null ? "" : " — " + Cell(report.Summary)),
        ReportVerdict.Failed => "**failed**" + (report.Summary is null ? "" : " — " + Cell(report.Summary)),
        ReportVerdict.Missing => "not run",
        _ => "**not run on this wheel**",
    };

    private static string Cell(string? text) => text is null ? "—" : text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
