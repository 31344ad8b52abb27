using System.Globalization;
using System.Net;
using System.Text;
using Tfwheel.Compile;
using Tfwheel.Publish;
using Tfwheel.Smoke;
using Tfwheel.Verify;

namespace Tfwheel.Report;

/// <summary>
/// The Markdown each target adds to the GitHub step summary. Every value is escaped for a table cell (names
/// come from wheels and recipes: no '|' may end a cell early, no HTML may pass).
/// </summary>
public static class StepSummaries
{
    private const int MaxRows = 100;

    public static string Compile(string recipe, IReadOnlyList<CompileResult> results) =>
        $"### Compile: {Cell(recipe)}\n\n| python | wheel | size | sha256 | build time | remote cache hits |\n|---|---|---|---|---|---|\n" +
        string.Concat(results.Select(r =>
            $"| {Cell(r.Python)} | `{Cell(r.WheelName)}` | {Cell(Html.Size(r.WheelSize))} | `{Cell(r.WheelSha256)}` | {Cell(Html.Duration(r.Duration.TotalSeconds))} | {r.Build.RemoteCacheHits.ToString(CultureInfo.InvariantCulture)} |\n")) +
        "\n";

    public static string Verify(VerifyReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"### Verify: {(report.Ok ? "passed" : "FAILED")} `{Cell(report.Wheel.File)}`\n\n");
        md.Append("| binary | format | architectures | minimum OS |\n|---|---|---|---|\n");
        Rows(md, report.Binaries.Select(b => $"| `{Cell(b.Path)}` | {Cell(b.Format)} | {Cell(string.Join(", ", b.Archs))} | {Cell(b.MinOs)} |"), 4);
        if (report.Findings.Count > 0)
        {
            md.Append("\n| severity | code | path | message |\n|---|---|---|---|\n");
            Rows(md, report.Findings.Select(f => $"| {Cell(f.Severity.ToString().ToLowerInvariant())} | `{Cell(f.Code)}` | {Cell(f.Path)} | {Cell(f.Message)} |"), 4);
        }

        return md.Append('\n').ToString();
    }

    public static string Smoke(SmokeReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"### Smoke: {Cell(report.Verdict.ToString().ToLowerInvariant())} ({Cell(report.Summary)})\n\n");
        md.Append("| workload | result | duration | note |\n|---|---|---|---|\n");
        Rows(md, report.Workloads.Select(w => $"| `{Cell(w.Name)}` | {Cell(SmokeReport.Describe(w.Outcome))} | {Cell(Html.Duration(w.Duration.TotalSeconds))} | {Cell(w.Note)} |"), 4);
        return md.Append('\n').ToString();
    }

    public static string Publish(PublishResult result)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"### Publish: [{Cell(result.Tag)}]({Url(result.HtmlUrl)}) ({(result.Draft ? "draft" : "published")}, {result.Writes} writes)\n\n");
        md.Append("| asset | size | sha256 | action |\n|---|---|---|---|\n");
        Rows(md, result.Steps.Select(s => $"| `{Cell(s.Local.Name)}` | {Cell(Html.Size(s.Local.Size))} | `{Cell(s.Local.Sha256)}` | {Cell(s.Action.ToString().ToLowerInvariant())} |"), 4);
        return md.Append('\n').ToString();
    }

    /// <summary>Text safe inside a Markdown table cell: HTML escaped, '|' and backticks neutralised, one line.</summary>
    public static string Cell(string? text) =>
        WebUtility.HtmlEncode((text ?? "").ReplaceLineEndings(" "))
            .Replace("|", "&#124;", StringComparison.Ordinal)
            .Replace("`", "&#96;", StringComparison.Ordinal);

    private static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal) : "#";

    private static void Rows(StringBuilder md, IEnumerable<string> rows, int columns)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > MaxRows)
            {
                continue;
            }

            md.Append(row).Append('\n');
        }

        if (count > MaxRows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| … {count - MaxRows} more |{string.Concat(Enumerable.Repeat(" |", columns - 1))}\n");
        }
    }
}
