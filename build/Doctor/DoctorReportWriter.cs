using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tfwheel.Doctor;

/// <summary>Doctor's report for people (an aligned table with a remedy under each problem) and for machines (JSON).</summary>
public static class DoctorReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToText(DoctorReport report)
    {
        var width = report.Checks.Max(c => c.Name.Length);
        var lines = new List<string>();
        foreach (var check in report.Checks)
        {
            var mark = check.Status switch
            {
                DoctorStatus.Ok => "ok  ",
                DoctorStatus.Warning => "WARN",
                _ => "FAIL",
            };
            lines.Add($"{mark}  {check.Name.PadRight(width)}  {check.Found}");
            if (check.Remedy is not null && check.Status != DoctorStatus.Ok)
            {
                lines.Add($"      {new string(' ', width)}  -> {check.Remedy}");
            }
        }

        lines.Add(report.Ready
            ? "Verdict: this host can build the recipe."
            : $"Verdict: {report.Checks.Count(c => c.Status == DoctorStatus.Blocking)} problem(s) block a build on this host; fix the FAIL lines above.");
        return string.Join(Environment.NewLine, lines);
    }

    public static string ToJson(DoctorReport report) =>
        JsonSerializer.Serialize(new { ok = report.Ready, checks = report.Checks }, Json);

    /// <summary>
    /// One document for the host and, with --python, its installed TensorFlow (<paramref name="installedTensorflow"/>,
    /// a JSON object with its own "ok"): "ok" is true only when both are, as the exit code says.
    /// </summary>
    public static string ToJson(DoctorReport report, string installedTensorflow)
    {
        var installed = JsonNode.Parse(installedTensorflow)!.AsObject();
        var document = JsonSerializer.SerializeToNode(new { ok = report.Ready, checks = report.Checks }, Json)!.AsObject();
        document["ok"] = report.Ready && installed["ok"]!.GetValue<bool>();
        document["installedTensorflow"] = installed;
        return document.ToJsonString(Json);
    }
}
