using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tfwheel.Files;
using Tfwheel.Reporting;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// Renders a <see cref="VerifyReport"/>: text for people (one row per native binary, findings grouped by
/// severity, a verdict) and JSON for machines, in the shape README "Verify" documents.
/// </summary>
public static class VerifyReportWriter
{
    public static void WriteText(VerifyReport report, TextWriter output)
    {
        var w = report.Wheel;
        output.WriteLine($"Verify {TerminalText.Escape(w.File)} ({w.SizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {w.Files} files)");
        output.WriteLine($"  requires: {report.Requirements.Os} {string.Join(",", report.Requirements.Archs)}"
            + (report.Requirements.MinOs is { } m ? $" min {m}" : "")
            + (report.Requirements.AllowUniversal ? ", universal allowed" : "")
            + (report.Requirements.RequireFrameworks.Count > 0 ? ", frameworks " + string.Join(",", report.Requirements.RequireFrameworks) : "")
            + (report.Requirements.Cpus.Count > 0 ? ", cpu " + string.Join(",", report.Requirements.Cpus) : ""));
        output.WriteLine();
        BinaryTable.Write(report.Binaries, output);
        WriteFindings(report.Findings, w.File, output);
        output.WriteLine();
        output.WriteLine(report.Ok
            ? $"Verdict: OK - {report.Binaries.Count} native binaries checked, {report.Findings.Count} warnings or notes."
            : $"Verdict: FAILED - {report.ErrorCount} errors in {TerminalText.Escape(w.File)}.");
    }

    /// <summary>Findings grouped by severity, errors first, each with its code and path (control characters escaped).</summary>
    public static void WriteFindings(IReadOnlyList<Finding> findings, string wholeFile, TextWriter output)
    {
        foreach (var group in findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
        {
            output.WriteLine();
            output.WriteLine($"{group.Key.ToString().ToUpperInvariant()}S ({group.Count()})");
            foreach (var f in group)
            {
                // Paths and messages carry names read from the wheel: escaped, so no name becomes a workflow command.
                output.WriteLine($"  [{f.Code}] {TerminalText.Escape(f.Path.Length > 0 ? f.Path : wholeFile)}: {TerminalText.Escape(f.Message)}");
            }
        }
    }

    /// <summary>JSON for files and pipes, not HTML: quotes and '+' stay readable (relaxed escaping).</summary>
    public static void WriteJson(VerifyReport report, Stream output)
    {
        using var j = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        j.WriteStartObject();
        j.WriteBoolean("ok", report.Ok);
        j.WriteStartObject("wheel");
        j.WriteString("file", report.Wheel.File);
        j.WriteString("name", report.Wheel.Name);
        j.WriteString("version", report.Wheel.Version);
        WriteStrings(j, "tags", report.Wheel.Tags);
        j.WriteNumber("sizeBytes", report.Wheel.SizeBytes);
        j.WriteNumber("files", report.Wheel.Files);
        if (report.Wheel.Sha256 is { } sha256)
        {
            j.WriteString("sha256", sha256);
        }

        j.WriteEndObject();
        WriteBinaries(j, report.Binaries);
        WriteFindings(j, report.Findings);
        j.WriteEndObject();
    }

    /// <summary>Writes the JSON report to <paramref name="path"/> through a temp file and a rename, so no reader sees half of it.</summary>
    public static void WriteJsonFile(VerifyReport report, string path) => AtomicFile.Write(path, stream => WriteJson(report, stream));

    public static string ToJson(VerifyReport report)
    {
        using var buffer = new MemoryStream();
        WriteJson(report, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The "binaries" array: one object per native binary (Verify's report and Doctor's installed TensorFlow).</summary>
    public static void WriteBinaries(Utf8JsonWriter j, IEnumerable<NativeBinary> binaries)
    {
        j.WriteStartArray("binaries");
        foreach (var b in binaries)
        {
            j.WriteStartObject();
            j.WriteString("path", b.Path);
            j.WriteString("format", b.Format);
            WriteStrings(j, "archs", b.Archs);
            j.WriteString("minOs", b.MinOs);
            WriteStrings(j, "libraries", b.Libraries);
            WriteStrings(j, "rpaths", b.Rpaths);
            Verify.IsaJson.Write(j, b);
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    /// <summary>The "findings" array: code, severity, path and message of each finding.</summary>
    public static void WriteFindings(Utf8JsonWriter j, IEnumerable<Finding> findings)
    {
        j.WriteStartArray("findings");
        foreach (var f in findings)
        {
            j.WriteStartObject();
            j.WriteString("code", f.Code);
            j.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            j.WriteString("path", f.Path);
            j.WriteString("message", f.Message);
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter j, string name, IEnumerable<string> values)
    {
        j.WriteStartArray(name);
        foreach (var v in values)
        {
            j.WriteStringValue(v);
        }

        j.WriteEndArray();
    }
}
