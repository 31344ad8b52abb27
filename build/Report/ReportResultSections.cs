using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tfwheel.Report;

/// <summary>The report's result part: Verify's table (verify-cpXY.json), Smoke's results (smoke-cpXY.json) for each wheel, the manifest.</summary>
internal static class ReportResultSections
{
    private const int MaxManifestChars = 256 * 1024;

    public static void WriteVerify(ReportData data, TextWriter html) => PerWheel(data, html, "Verify", "verify", WriteVerify);

    public static void WriteSmoke(ReportData data, TextWriter html) => PerWheel(data, html, "Smoke", "smoke", WriteSmoke);

    /// <summary>A stage's section: a part per wheel of the run (per python tag), or a note that the stage has not run.</summary>
    private static void PerWheel(ReportData data, TextWriter html, string stage, string prefix, Action<ReportData, ReportWheel, TextWriter> write)
    {
        html.WriteLine($"<h2>{stage}</h2>");
        if (data.Wheels.Count == 0)
        {
            html.WriteLine($"<p class=\"note\">No {prefix}-*.json in {Html.Code(data.Artifacts)}: the {stage} target has not run for this recipe.</p>");
        }

        foreach (var wheel in data.Wheels)
        {
            write(data, wheel, html);
        }
    }

    private static void WriteVerify(ReportData data, ReportWheel one, TextWriter html)
    {
        html.WriteLine($"<h3>{Html.Text(one.Tag)}</h3>");
        if (!Present(data, one.Verify, Files.BuildPaths.VerifyReportName(one.Tag), "Verify", html, out var verify))
        {
            return;
        }

        var wheel = ReportPage.Prop(verify, "wheel");
        html.WriteLine($"<p>{ReportPage.Verdict(verify)} {Html.Code(Html.Str(wheel, "file"))} <span class=\"note\">{Html.Text(Html.Join(wheel, "tags"))} sha256 {Html.Text(Html.Str(wheel, "sha256"))}</span></p>");
        Html.Table(html, ["binary", "format", "architectures", "minimum OS", "libraries"], Html.Items(verify, "binaries").Select(b => (IReadOnlyList<string>)
        [
            Html.Code(Html.Str(b, "path")),
            Html.Text(Html.Str(b, "format")),
            Html.Text(Html.Join(b, "archs")),
            Html.Text(Html.Str(b, "minOs")),
            Html.Text(Html.Join(b, "libraries")),
        ]));
        var findings = Html.Items(verify, "findings").ToList();
        if (findings.Count == 0)
        {
            html.WriteLine("<p class=\"note\">No findings.</p>");
            return;
        }

        Html.Table(html, ["severity", "code", "path", "message"], findings.Select(f => (IReadOnlyList<string>)
        [
            $"<span class=\"sev-{Html.Text(Html.Str(f, "severity"))}\">{Html.Text(Html.Str(f, "severity"))}</span>",
            Html.Code(Html.Str(f, "code")),
            Html.Text(Html.Str(f, "path")),
            Html.Text(Html.Str(f, "message")),
        ]));
    }

    private static void WriteSmoke(ReportData data, ReportWheel one, TextWriter html)
    {
        html.WriteLine($"<h3>{Html.Text(one.Tag)}</h3>");
        if (!Present(data, one.Smoke, Files.BuildPaths.SmokeReportName(one.Tag), "Smoke", html, out var smoke))
        {
            return;
        }

        html.WriteLine($"<p>{ReportPage.Verdict(smoke)} {Html.Text(Html.Str(smoke, "summary"))} <span class=\"note\">{Html.Text($"Python {Html.Str(smoke, "python")}, wheel {Html.Str(smoke, "wheelArch")}, host {Html.Str(smoke, "hostOs")}/{Html.Str(smoke, "hostArch")}, {Html.Duration(Html.Num(smoke, "durationSeconds"))}")}</span></p>");
        Html.Table(html, ["workload", "result", "duration", "note"], Html.Items(smoke, "workloads").Select(w => (IReadOnlyList<string>)
        [
            Html.Code(Html.Str(w, "name")),
            Html.Badge(Html.Str(w, "outcome") == "passed" ? true : Html.Str(w, "outcome") == "skipped" ? null : false, Html.Str(w, "outcome")),
            Html.Text(Html.Duration(Html.Num(w, "durationSeconds"))),
            Html.Text(Html.Str(w, "note")),
        ]));
    }

    public static void WriteManifest(ReportData data, TextWriter html)
    {
        html.WriteLine("<h2>Manifest</h2>");
        if (!Present(data, data.Manifest, "manifest.json", "Compile", html, out var manifest))
        {
            return;
        }

        var tf = ReportPage.Prop(manifest, "tensorflow");
        var bazel = ReportPage.Prop(manifest, "bazel");
        var host = ReportPage.Prop(manifest, "host");
        var durations = ReportPage.Prop(manifest, "durationsSeconds");
        IReadOnlyList<string> Row(string key, string valueHtml) => [Html.Text(key), valueHtml];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var wheel in Html.Items(manifest, "wheels"))
        {
            var build = ReportPage.Prop(wheel, "bazel");
            rows.Add(Row($"python {Html.Str(wheel, "python")}", $"{Html.Code(Html.Str(wheel, "name"))} sha256 {Html.Code(Html.Str(wheel, "sha256"))}"));
            rows.Add(Row("  bazel", Html.Text($"exit {Html.Str(build, "exitCode")}; {Html.Str(build, "remoteCacheHits")} remote cache hits; {Html.Duration(Html.Num(wheel, "durationSeconds"))}")));
            rows.Add(Row("  command", Html.Code(Html.Join(build, "argv", " "))));
        }

        Html.Table(html, ["", ""], rows.Concat(new[]
        {
            Row("tensorflow", Html.Text($"{Html.Str(tf, "repository")} {Html.Str(tf, "ref")} ({Html.Str(tf, "commit")})")),
            Row("patches", Html.Text(string.Join(", ", Html.Items(manifest, "patches").Select(p => Html.Str(p, "path"))))),
            Row("bazel", Html.Text(Html.Str(bazel, "version"))),
            Row("host", Html.Text($"{Html.Str(host, "os")}/{Html.Str(host, "arch")}")),
            Row("stages", Html.Text(durations.ValueKind == JsonValueKind.Object
                ? string.Join(", ", durations.EnumerateObject().Select(d => $"{d.Name} {Html.Duration(d.Value.ValueKind == JsonValueKind.Number ? d.Value.GetDouble() : 0)}"))
                : "")),
        }), "facts");
        var text = JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var shown = text.Length > MaxManifestChars ? text[..MaxManifestChars] + "\n… (truncated; see manifest.json)" : text;
        html.WriteLine($"<details><summary>manifest.json</summary><pre>{Html.Text(shown)}</pre></details>");
    }

    private static bool Present(ReportData data, JsonElement? element, string file, string target, TextWriter html, out JsonElement value)
    {
        value = element ?? default;
        if (element is not null)
        {
            return true;
        }

        html.WriteLine(data.Problems.TryGetValue(file, out var problem)
            ? $"<p class=\"problem\">{Html.Text(problem)}</p>"
            : $"<p class=\"note\">No {Html.Code(file)} in {Html.Code(data.Artifacts)}: the {Html.Text(target)} target has not run for this recipe.</p>");
        return false;
    }
}
