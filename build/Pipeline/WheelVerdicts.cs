using System.Globalization;
using System.Text;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Tfwheel.Pipeline;

/// <summary>One stage's verdict on one wheel of the run: which Python, which file (by SHA-256), passed or not, and why.</summary>
public sealed record WheelVerdict(string Python, string Wheel, string? Sha256, bool Passed, string Detail);

/// <summary>
/// Verify and Smoke judge every wheel of the run before failing: one failing Python does not hide the others.
/// <see cref="Table"/> is the closing view; <see cref="EnsureAllPassed"/> the one failure naming each failing wheel.
/// </summary>
public static class WheelVerdicts
{
    /// <summary>An aligned table, one row per wheel: python, verdict, SHA-256, file, detail (names escaped).</summary>
    public static string Table(string stage, IReadOnlyList<WheelVerdict> verdicts)
    {
        var rows = verdicts.Select(v => new[]
        {
            v.Python, v.Passed ? "passed" : "FAILED", v.Sha256 ?? "-", TerminalText.Escape(Path.GetFileName(v.Wheel)), TerminalText.Escape(v.Detail, 200),
        }).ToList();
        string[] header = ["python", stage.ToLowerInvariant(), "sha256", "wheel", "detail"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{stage}: {verdicts.Count(v => v.Passed)} of {verdicts.Count} wheels passed");
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>
    /// What --format=json prints for a stage's reports: the report itself for one wheel (stdout stays the document
    /// alone), <c>{"ok": all passed, "wheels": [reports]}</c> for several.
    /// </summary>
    public static string Json(IReadOnlyList<string> reports, bool allPassed) =>
        reports.Count == 1
            ? reports[0]
            : $"{{\"ok\": {(allPassed ? "true" : "false")}, \"wheels\": [{string.Join(", ", reports.Select(r => r.Trim()))}]}}";

    /// <summary>Throws <see cref="StepFailedException"/> with <paramref name="exitCode"/> naming every wheel that failed.</summary>
    public static void EnsureAllPassed(string stage, IReadOnlyList<WheelVerdict> verdicts, int exitCode, string remedy)
    {
        var failed = verdicts.Where(v => !v.Passed).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var lines = failed.Select(v => $"  Python {v.Python}: {TerminalText.Escape(Path.GetFileName(v.Wheel))} (sha256 {v.Sha256 ?? "-"}): {TerminalText.Escape(v.Detail, 300)}");
        throw new StepFailedException(
            $"{stage} failed for {failed.Count} of {verdicts.Count} wheels:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}{remedy}",
            exitCode);
    }
}
