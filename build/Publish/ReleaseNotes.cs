using System.Text;

namespace Tfwheel.Publish;

/// <summary>
/// Pure: the release body (Markdown) from the manifest, the verify/smoke results (counted only when they name this
/// wheel's SHA-256) and the wheel's SHA-256. It lists the wheel only, as SHA256SUMS does: the reports change with
/// every run, and a re-run of the same wheel keeps the notes it published.
/// </summary>
public static class ReleaseNotes
{
    /// <summary>GitHub rejects a release body over 125000 characters.</summary>
    public const int MaxLength = 125_000;

    public static string Build(string tag, ArtifactSet artifacts)
    {
        var p = artifacts.Provenance;
        var sha = artifacts.Wheel.Sha256;
        var (verify, smoke) = (p.Verify(sha), p.Smoke(sha));
        var b = new StringBuilder();
        b.Append("TensorFlow ").Append(p.TensorflowVersion is { } version ? version + " " : "").Append("wheel built from source by tfwheel (`").Append(tag).Append("`).\n\n");
        if (!p.IsVerifiedFor(sha))
        {
            b.Append("> [!WARNING]\n> Published with --allow-unverified: ").Append(Verdict("verification", verify)).Append(", ").Append(Verdict("smoke test", smoke)).Append(".\n\n");
        }

        b.Append("| | |\n|---|---|\n");
        b.Append("| Recipe | ").Append(Cell(p.Recipe)).Append(" |\n");
        b.Append("| TensorFlow | ").Append(Cell(p.TensorflowVersion)).Append(" |\n");
        b.Append("| Commit | ").Append(Cell(p.TensorflowCommit)).Append(" |\n");
        b.Append("| Verify | ").Append(Result(verify, p.VerifySummary)).Append(" |\n");
        b.Append("| Smoke | ").Append(Result(smoke, p.SmokeSummary)).Append(" |\n\n");
        if (p.BazelArgv.Count > 0)
        {
            b.Append("Bazel:\n\n```\n").Append(string.Join(' ', p.BazelArgv)).Append("\n```\n\n");
        }

        b.Append("SHA-256 (as in SHA256SUMS):\n\n```\n").Append(ArtifactSet.ChecksumsText([artifacts.Wheel])).Append("```\n");
        var text = b.ToString();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 20)] + "\n\n(truncated)\n";
    }

    private static string Verdict(string what, ReportVerdict v) => v switch
    {
        ReportVerdict.Passed => what + " passed",
        ReportVerdict.Failed => what + " FAILED",
        ReportVerdict.Missing => what + " not run",
        _ => what + " not run on this wheel",
    };

    // A summary from a report about another wheel says nothing about this one, so it is left out.
    private static string Result(ReportVerdict v, string? summary) => v switch
    {
        ReportVerdict.Passed => "passed" + (summary is null ? "" : " — " + Cell(summary)),
        ReportVerdict.Failed => "**failed**" + (summary is null ? "" : " — " + Cell(summary)),
        ReportVerdict.Missing => "not run",
        _ => "**not run on this wheel**",
    };

    private static string Cell(string? text) => text is null ? "—" : text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
