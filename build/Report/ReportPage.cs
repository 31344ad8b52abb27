using System.Text.Json;

namespace Tfwheel.Report;

/// <summary>
/// artifacts/&lt;recipe&gt;/report.html: one self-contained page (inline CSS and SVG, no script, nothing
/// fetched; its Content-Security-Policy forbids any outside load) with the build timeline, the slowest
/// actions, the critical path, Verify's and Smoke's results and the manifest.
/// </summary>
public static class ReportPage
{
    public const string FileName = "report.html";

    public static void Write(ReportData data, TextWriter html)
    {
        html.WriteLine("<!doctype html>");
        html.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        html.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.WriteLine($"<title>tfwheel report: {Html.Text(data.Recipe)}</title>");
        html.WriteLine($"<style>{ReportStyle.Css}</style></head><body>");
        WriteHeader(data, html);
        html.WriteLine("<main>");
        ReportBuildSections.Write(data, html);
        ReportResultSections.WriteVerify(data, html);
        ReportResultSections.WriteSmoke(data, html);
        ReportResultSections.WriteManifest(data, html);
        html.WriteLine("</main></body></html>");
    }

    private static void WriteHeader(ReportData data, TextWriter html)
    {
        var manifest = data.Manifest ?? default;
        var wheels = Html.Items(manifest, "wheels").ToList();
        var tf = Prop(manifest, "tensorflow");
        html.Write($"<header><h1>tfwheel report: {Html.Text(data.Recipe)}</h1><div class=\"sub\">");
        var facts = new List<string>();
        foreach (var wheel in wheels)
        {
            if (Html.Str(wheel, "name") is { Length: > 0 } name)
            {
                facts.Add(Html.Code(name));
            }
        }

        if (Html.Str(tf, "ref") is { Length: > 0 } reference)
        {
            facts.Add($"TensorFlow {Html.Text(reference)} at {Html.Code(Short(Html.Str(tf, "commit")))}");
        }

        if (Html.Str(manifest, "builtAt") is { Length: > 0 } builtAt)
        {
            facts.Add("built " + Html.Text(DateTimeOffset.TryParse(builtAt, System.Globalization.CultureInfo.InvariantCulture, out var at)
                ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
                : builtAt));
        }

        html.Write(facts.Count > 0 ? string.Join(" · ", facts) : Html.Text($"artifacts: {data.Artifacts}"));
        html.Write("</div><div class=\"cards\">");
        Card(html, "Verify", Verdict(data.Wheels.Select(w => w.Verify).ToList()));
        Card(html, "Smoke", Verdict(data.Wheels.Select(w => w.Smoke).ToList()));
        if (data.Profile is { } p)
        {
            Card(html, "Build wall time", Html.Text(Html.Duration(p.WallMicros / 1e6)));
            Card(html, "Actions", Html.Text(p.ActionCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
            Card(html, "Critical path", Html.Text(Html.Duration(p.CriticalPathMicros / 1e6)));
        }

        if (wheels.Sum(w => Html.Num(w, "size")) is > 0 and var size)
        {
            Card(html, wheels.Count > 1 ? $"{wheels.Count} wheels" : "Wheel size", Html.Text(Html.Size((long)size)));
        }

        html.WriteLine("</div></header>");
    }

    /// <summary>Passed when every wheel's report passed; failed when any failed; not run when none ran.</summary>
    private static string Verdict(IReadOnlyList<JsonElement?> reports) =>
        reports.Any(r => r is not null && Html.Str(r.Value, "ok") != "true") ? Html.Badge(false, "failed")
        : reports.Count > 0 && reports.All(r => r is not null) ? Html.Badge(true, "passed")
        : Html.Badge(null, "not run");

    internal static string Verdict(JsonElement? report) => report is not { } r
        ? Html.Badge(null, "not run")
        : Html.Badge(Html.Str(r, "ok") == "true", Html.Str(r, "ok") == "true" ? "passed" : "failed");

    internal static JsonElement Prop(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static void Card(TextWriter html, string key, string valueHtml) =>
        html.Write($"<div class=\"card\"><div class=\"k\">{Html.Text(key)}</div><div class=\"v\">{valueHtml}</div></div>");
}
