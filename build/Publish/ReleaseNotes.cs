using System.Text;

namespace Tfwheel.Publish;

/// <summary>Pure: the release body (Markdown) from the manifest, the verify/smoke results and the assets' SHA-256.</summary>
public static class ReleaseNotes
{
    /// <summary>GitHub rejects a release body over 125000 characters.</summary>
    public const int MaxLength = 125_000;

    public static string Build(string tag, ArtifactSet artifacts)
    {
        var p = artifacts.Provenance;
        var b = new StringBuilder();
        b.Append("TensorFlow ").Append(p.TensorflowVersion ?? "(version not recorded)").Append(" wheel built from source by tfwheel (`").Append(tag).Append("`).\n\n");
        if (!p.IsVerified)
        {
            b.Append("> [!WARNING]\n> Published with --allow-unverified: ").Append(Verdict("verification", p.VerifyOk)).Append(", ").Append(Verdict("smoke test", p.SmokeOk)).Append(".\n\n");
        }

        b.Append("| | |\n|---|---|\n");
        b.Append("| Recipe | ").Append(Cell(p.Recipe)).Append(" |\n");
        b.Append("| TensorFlow | ").Append(Cell(p.TensorflowVersion)).Append(" |\n");
        b.Append("| Commit | ").Append(Cell(p.TensorflowCommit)).Append(" |\n");
        b.Append("| Verify | ").Append(Result(p.VerifyOk, p.VerifySummary)).Append(" |\n");
        b.Append("| Smoke | ").Append(Result(p.SmokeOk, p.SmokeSummary)).Append(" |\n\n");
        if (p.BazelArgv.Count > 0)
        {
            b.Append("Bazel:\n\n```\n").Append(string.Join(' ', p.BazelArgv)).Append("\n```\n\n");
        }

        b.Append("SHA-256:\n\n```\n").Append(ArtifactSet.ChecksumsText(artifacts.Assets.Where(a => a.Name != ArtifactSet.ChecksumsName))).Append("```\n");
        var text = b.ToString();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 20)] + "\n\n(truncated)\n";
    }

    private static string Verdict(string what, bool? ok) => ok switch
    {
        true => what + " passed",
        false => what + " FAILED",
        null => what + " not run",
    };

    private static string Result(bool? ok, string? summary) =>
        (ok switch { true => "passed", false => "**failed**", null => "not run" }) + (summary is null ? "" : " — " + Cell(summary));

    private static string Cell(string? text) => text is null ? "—" : text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
