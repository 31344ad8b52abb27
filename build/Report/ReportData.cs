using System.Text.Json;
using Tfwheel.Compile;
using Tfwheel.Files;

namespace Tfwheel.Report;

/// <summary>
/// What report.html is drawn from, read from artifacts/&lt;recipe&gt;/: Bazel's trace profile (streamed) and
/// the JSON files Compile, Verify and Smoke wrote. A missing file is a section that says so; a damaged or
/// oversized one is a section that says why, never a failed report.
/// </summary>
public sealed record ReportData(
    string Recipe,
    string Artifacts,
    TraceProfile? Profile,
    JsonElement? Manifest,
    IReadOnlyList<ReportWheel> Wheels,
    IReadOnlyDictionary<string, string> Problems)
{
    /// <summary>verify-*.json and smoke-*.json read per wheel; more than this many Pythons are not drawn.</summary>
    public const int MaxWheels = 32;

    public const string ProfileFileName = CompilePlanner.ProfileFileName;

    /// <summary>Reports and manifest.json larger than this are not parsed (they are a few MB at most).</summary>
    public const long MaxJsonBytes = 64L << 20;

    public static ReportData Load(string recipe, string artifacts)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var profilePath = Path.Combine(artifacts, ProfileFileName);
        TraceProfile? profile = null;
        if (File.Exists(profilePath))
        {
            try
            {
                profile = TraceProfileReader.Read(profilePath);
            }
            catch (InvalidDataException e)
            {
                problems["profile"] = e.Message;
            }
        }

        JsonElement? Json(string name)
        {
            var path = Path.Combine(artifacts, name);
            if (!File.Exists(path))
            {
                return null;
            }

            if (new FileInfo(path).Length > MaxJsonBytes)
            {
                problems[name] = $"{path} is larger than {MaxJsonBytes >> 20} MiB; not read.";
                return null;
            }

            try
            {
                using var stream = File.OpenRead(path);
                using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
                return doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                problems[name] = $"{path} is not valid JSON: {e.Message}";
                return null;
            }
        }

        // A wheel per Python: its reports are verify-<tag>.json and smoke-<tag>.json (BuildPaths).
        var tags = Directory.Exists(artifacts)
            ? Directory.EnumerateFiles(artifacts, "*.json")
                .Select(f => BuildPaths.ReportPythonTag(Path.GetFileName(f)))
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxWheels).ToList()
            : [];
        var wheels = tags.Select(t => new ReportWheel(t, Json(BuildPaths.VerifyReportName(t)), Json(BuildPaths.SmokeReportName(t)))).ToList();
        return new ReportData(recipe, artifacts, profile, Json("manifest.json"), wheels, problems);
    }
}

/// <summary>One Python's wheel in the report: its tag ("cp312") and what Verify and Smoke wrote about it (null: not run).</summary>
public sealed record ReportWheel(string Tag, JsonElement? Verify, JsonElement? Smoke);
