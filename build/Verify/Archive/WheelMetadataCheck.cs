using Tfwheel.Platforms;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// The .dist-info directory and its WHEEL file against the file name (binary-distribution-format):
/// METADATA, WHEEL and RECORD present; Wheel-Version 1.x; Tag lines equal to the name's expanded tags;
/// Root-Is-Purelib false for a platform wheel.
/// </summary>
public static class WheelMetadataCheck
{
    /// <summary>Returns the dist-info directory used (the one the name implies, or the only one present).</summary>
    public static string Check(WheelFileName name, IReadOnlyDictionary<string, string> texts, IReadOnlyList<ArchiveEntry> entries, List<Finding> findings)
    {
        var dirs = entries.Select(e => e.Path.Split('/')[0]).Where(d => d.EndsWith(".dist-info", StringComparison.Ordinal)).Distinct().ToList();
        var expected = Normalize(name.DistInfoDirectory);
        var distInfo = dirs.FirstOrDefault(d => Normalize(d) == expected) ?? (dirs.Count == 1 ? dirs[0] : name.DistInfoDirectory);
        if (!dirs.Contains(distInfo))
        {
            findings.Add(Finding.Error(FindingCodes.WheelMetadataMissing, name.DistInfoDirectory, $"The wheel has no {name.DistInfoDirectory}/ directory (found: {(dirs.Count == 0 ? "none" : string.Join(", ", dirs))}); rename the wheel or rebuild it so the two agree."));
            return distInfo;
        }

        foreach (var required in new[] { "METADATA", "WHEEL" })
        {
            if (!entries.Any(e => e.Path == $"{distInfo}/{required}"))
            {
                findings.Add(Finding.Error(FindingCodes.WheelMetadataMissing, $"{distInfo}/{required}", $"{distInfo}/ has no {required}; every wheel needs METADATA, WHEEL and RECORD. Rebuild the wheel."));
            }
        }

        if (texts.TryGetValue($"{distInfo}/WHEEL", out var wheel))
        {
            CheckWheelFile(name, $"{distInfo}/WHEEL", wheel, entries, findings);
        }

        return distInfo;
    }

    private static void CheckWheelFile(WheelFileName name, string path, string text, IReadOnlyList<ArchiveEntry> entries, List<Finding> findings)
    {
        var fields = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(':'))
            .Select(l => (Key: l[..l.IndexOf(':')].Trim(), Value: l[(l.IndexOf(':') + 1)..].Trim())).ToList();
        var version = fields.FirstOrDefault(f => f.Key == "Wheel-Version").Value;
        if (version is null || !Version.TryParse(version, out var v) || v.Major != 1)
        {
            // Installers "must fail if the major version is newer" than 1.
            findings.Add(Finding.Error(FindingCodes.WheelVersion, path, $"Wheel-Version is '{version ?? "missing"}', not 1.x; installers refuse it. Rebuild with a current wheel tool."));
        }

        var tags = fields.Where(f => f.Key == "Tag").Select(f => f.Value).ToHashSet(StringComparer.Ordinal);
        var expected = name.ExpandedTags.ToHashSet(StringComparer.Ordinal);
        if (!tags.SetEquals(expected))
        {
            findings.Add(Finding.Error(FindingCodes.WheelTagMismatch, path, $"WHEEL says Tag: {string.Join(", ", tags.Order())} but the file name says {string.Join(", ", expected.Order())}; rename the wheel or fix WHEEL so they agree."));
        }

        var purelib = fields.FirstOrDefault(f => f.Key == "Root-Is-Purelib").Value;
        var isPlatform = name.PlatformTags.Any(t => t != "any");
        if (isPlatform && !string.Equals(purelib, "false", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding.Error(FindingCodes.WheelPurelib, path, $"Root-Is-Purelib is '{purelib ?? "missing"}' in a platform wheel; set it to false so the files go to platlib."));
        }

        foreach (var entry in entries.Where(e => e.Path.Contains(".data/purelib/", StringComparison.Ordinal)))
        {
            findings.Add(Finding.Warning(FindingCodes.WheelPurelib, entry.Path, "A platform wheel ships a file under .data/purelib; put platform files in the root (platlib)."));
        }
    }

    /// <summary>Names compare with runs of -_. folded and case ignored, as installers normalize them.</summary>
    private static string Normalize(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[-_.]+", "_");
}
