using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Files;

namespace Tfwheel.Repair;

/// <summary>
/// Records Repair in artifacts/&lt;recipe&gt;/manifest.json: in the <c>wheels</c> entry of the repaired wheel's
/// Python, a <c>repair</c> section (what was retagged to what, under which policy) and name/size/sha256 updated to
/// the repaired file, so Publish's sha256 check describes the wheel it uploads. Other sections are kept; written
/// atomically.
/// </summary>
public static class RepairManifest
{
    /// <summary>auditwheel's policy file the policies were copied from, for the record.</summary>
    public const string PolicySource = "pypa/auditwheel src/auditwheel/policy/manylinux-policy.json@2d1ad6396bff90cfff09321a4a4480b3955fe6a5";

    public static async Task WriteAsync(string manifestPath, RepairResult result, CancellationToken ct)
    {
        JsonObject manifest;
        try
        {
            manifest = File.Exists(manifestPath) && JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, ct)) is JsonObject existing ? existing : [];
        }
        catch (JsonException)
        {
            manifest = []; // a damaged manifest is replaced, as BuildManifest does
        }

        var wheels = manifest["wheels"] as JsonArray ?? [];
        manifest["wheels"] = wheels;
        var entry = wheels.OfType<JsonObject>().FirstOrDefault(w => (string?)w["tag"] == result.PythonTag);
        if (entry is null)
        {
            entry = new JsonObject { ["tag"] = result.PythonTag };
            wheels.Add(entry);
        }

        entry["repair"] = new JsonObject
        {
            ["from"] = result.From,
            ["to"] = result.WheelName,
            ["retagged"] = result.Retagged,
            ["policy"] = result.Policy.Name,
            ["platformTags"] = result.PlatformTags,
            ["policySource"] = PolicySource,
            ["binariesChecked"] = result.Binaries,
            ["grafted"] = new JsonArray(), // tfwheel never copies outside libraries into the wheel
            ["durationSeconds"] = Math.Round(result.Duration.TotalSeconds, 3),
        };
        entry["name"] = result.WheelName;
        entry["size"] = result.Size;
        entry["sha256"] = result.Sha256;
        if (manifest["durationsSeconds"] is JsonObject durations)
        {
            // The stage's time is the sum over the wheels of the run.
            durations["repair"] = Math.Round(wheels.OfType<JsonObject>().Sum(w => w["repair"]?["durationSeconds"] is JsonValue v && v.TryGetValue<double>(out var s) ? s : 0), 3);
        }

        await AtomicFile.WriteAllTextAsync(manifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
    }
}
