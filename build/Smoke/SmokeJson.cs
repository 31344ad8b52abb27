using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tfwheel.Files;

namespace Tfwheel.Smoke;

/// <summary>Writes smoke-cpXY.json (one per wheel): the run, the environment and each workload with its result line embedded as JSON.</summary>
public static class SmokeJson
{
    public static void Write(SmokeReport report, string path) => AtomicFile.WriteAllText(path, Render(report));

    public static string Render(SmokeReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            // "ok" and "summary" are what Publish and the Wheel summary read (the same keys as verify-cpXY.json);
            // a skipped run (a wheel this host cannot run) is not ok: nothing was proven.
            json.WriteBoolean("ok", report.Verdict == SmokeVerdict.Passed);
            json.WriteString("verdict", report.Verdict.ToString().ToLowerInvariant());
            json.WriteString("summary", report.Summary);
            // "wheel.sha256" names the file these results are about: Publish publishes only that file.
            json.WriteStartObject("wheel");
            json.WriteString("file", Path.GetFileName(report.Wheel));
            json.WriteString("path", report.Wheel);
            json.WriteString("sha256", report.WheelSha256);
            json.WriteEndObject();
            json.WriteString("python", report.Python);
            json.WriteString("wheelArch", report.WheelArch);
            json.WriteString("hostOs", report.Host.Os);
            json.WriteString("hostArch", report.Host.Arch);
            json.WriteString("startedAt", report.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("durationSeconds", Math.Round(report.Duration.TotalSeconds, 3));
            json.WriteStartObject("environment");
            foreach (var (name, value) in report.Environment)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            WriteStrings(json, "artifacts", report.Artifacts);
            json.WriteStartArray("workloads");
            foreach (var workload in report.Workloads)
            {
                WriteWorkload(json, workload);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteWorkload(Utf8JsonWriter json, WorkloadResult workload)
    {
        json.WriteStartObject();
        json.WriteString("name", workload.Name);
        json.WriteString("outcome", SmokeReport.Describe(workload.Outcome));
        json.WriteString("note", workload.Note);
        json.WriteNumber("durationSeconds", Math.Round(workload.Duration.TotalSeconds, 3));
        if (workload.ExitCode is { } code)
        {
            json.WriteNumber("exitCode", code);
        }
        else
        {
            json.WriteNull("exitCode");
        }

        json.WriteString("signal", workload.Signal);
        WriteStrings(json, "argv", workload.Argv);
        json.WritePropertyName("result");
        if (workload.ResultLine is null)
        {
            json.WriteNullValue();
        }
        else
        {
            // The classifier only keeps lines that parsed as JSON objects, so this embeds a valid object.
            using var doc = JsonDocument.Parse(workload.ResultLine);
            doc.RootElement.WriteTo(json);
        }

        WriteStrings(json, "mlirLines", workload.MlirLines);
        WriteStrings(json, "stderrTail", workload.StandardErrorTail);
        WriteStrings(json, "artifacts", workload.Artifacts);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
