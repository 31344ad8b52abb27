using System.Text.Json;
using Tfwheel.Files;

namespace Tfwheel.Pipeline;

/// <summary>The last word of a Wheel run: the wheel, its size and SHA-256, and the Verify and Smoke verdicts from artifacts.</summary>
public sealed record RunSummary(string Wheel, long Size, string Sha256, string Verify, string Smoke)
{
    public static RunSummary Read(string wheel, BuildPaths paths)
    {
        return new RunSummary(wheel, new FileInfo(wheel).Length, Hashing.Sha256File(wheel), Verdict(paths.VerifyReport), Verdict(paths.SmokeReport));
    }

    public string ToText() =>
        $"""
        Wheel   {Wheel}
        Size    {Size / 1048576.0:0.0} MiB ({Size} bytes)
        SHA256  {Sha256}
        Verify  {Verify}
        Smoke   {Smoke}
        """;

    public string ToMarkdown(string recipe) =>
        $"""
        ### tfwheel: {recipe}

        | wheel | size | sha256 | verify | smoke |
        |---|---|---|---|---|
        | `{Path.GetFileName(Wheel)}` | {Size / 1048576.0:0.0} MiB | `{Sha256}` | {Verify} | {Smoke} |

        """;

    private static string Verdict(string reportPath)
    {
        if (!File.Exists(reportPath))
        {
            return "not run";
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(reportPath));
        var ok = doc.RootElement.TryGetProperty("ok", out var v) && v.ValueKind == JsonValueKind.True;
        var summary = doc.RootElement.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? $" ({s.GetString()})" : "";
        return (ok ? "passed" : "FAILED") + summary;
    }
}
