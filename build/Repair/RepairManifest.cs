using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Files;

namespace Tfwheel.Repair;

/// <summary>
/// Records Repair in artifacts/&lt;recipe&gt;/manifest.json: a <c>repair</c> section (what was retagged to
/// what, under which policy) and the <c>wheel</c> section updated to the repaired file, so Publish's
/// sha256 check describes the wheel it uploads. Other sections are kept; written atomically.
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

        manifest["repair"] = new JsonObject
        {
            ["from"] = result.From,
            ["to"] = result.WheelName,
            ["retagged"] = result.Retagged,
            ["policy"] = result.Policy.Name,
            ["platformTags"] = result.PlatformTags,
            ["policySource"] = PolicySource,
            ["binariesChecked"] = result.Binaries,
            ["grafted"] = new JsonArray(), // tfwheel never copies outside libraries into the wheel
        };
        manifest["wheel"] = new JsonObject { ["name"] = result.WheelName, ["size"] = result.Size, ["sha256"] = result.Sha256 };
        if (manifest["durationsSeconds"] is JsonObject durations)
        {
            durations["repair"] = Math.Round(result.Duration.TotalSeconds, 3);
        }

        await AtomicFile.WriteAllTextAsync(manifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
    }
}
