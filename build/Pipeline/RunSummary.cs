using System.Text;
using System.Text.Json;
using Tfwheel.Files;

namespace Tfwheel.Pipeline;

/// <summary>The last word of a Wheel run: each wheel, its size and SHA-256, and the Verify and Smoke verdicts from its reports.</summary>
public sealed record RunSummary(IReadOnlyList<WheelOutcome> Wheels)
{
    public static RunSummary Read(IReadOnlyList<RecipeWheel> wheels, BuildPaths paths) =>
        new([.. wheels.Select(w => new WheelOutcome(
            w.Recipe.Python, w.Path, new FileInfo(w.Path).Length, Hashing.Sha256File(w.Path),
            Verdict(paths.VerifyReportFor(w.PythonTag)), Verdict(paths.SmokeReportFor(w.PythonTag))))]);

    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var w in Wheels)
        {
            text.Append(Wheels.Count > 1 ? $"Python  {w.Python}\n" : "")
                .Append($"Wheel   {w.Wheel}\n")
                .Append($"Size    {w.Size / 1048576.0:0.0} MiB ({w.Size} bytes)\n")
                .Append($"SHA256  {w.Sha256}\n")
                .Append($"Verify  {w.Verify}\n")
                .Append($"Smoke   {w.Smoke}\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    public string ToMarkdown(string recipe)
    {
        var md = new StringBuilder($"### tfwheel: {recipe}\n\n| python | wheel | size | sha256 | verify | smoke |\n|---|---|---|---|---|---|\n");
        foreach (var w in Wheels)
        {
            md.Append($"| {w.Python} | `{Path.GetFileName(w.Wheel)}` | {w.Size / 1048576.0:0.0} MiB | `{w.Sha256}` | {w.Verify} | {w.Smoke} |\n");
        }

        return md.Append('\n').ToString();
    }

    private const long MaxReportBytes = 16L << 20;

    private static string Verdict(string reportPath)
    {
        if (!File.Exists(reportPath))
        {
            return "not run";
        }

        // Reports are kilobytes and ours; a damaged or oversized one is a verdict to show, not a crash of the summary.
        if (new FileInfo(reportPath).Length > MaxReportBytes)
        {
            return $"unreadable ({reportPath} is over {MaxReportBytes >> 20} MiB)";
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(reportPath));
        }
        catch (JsonException e)
        {
            return $"unreadable ({reportPath}: {e.Message}); run the stage again";
        }

        using var _ = doc;
        var ok = doc.RootElement.TryGetProperty("ok", out var v) && v.ValueKind == JsonValueKind.True;
        var summary = doc.RootElement.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? $" ({s.GetString()})" : "";
        return (ok ? "passed" : "FAILED") + summary;
    }
}

/// <summary>One wheel of the run as the Wheel summary shows it.</summary>
public sealed record WheelOutcome(string Python, string Wheel, long Size, string Sha256, string Verify, string Smoke);
