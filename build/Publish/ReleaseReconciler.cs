using Tfwheel.Files;
using Tfwheel.Platforms;

namespace Tfwheel.Publish;

/// <summary>
/// Pure: compares the local assets with the release's assets by name, size and SHA-256 (GitHub's <c>digest</c>)
/// and decides per asset. The wheels are the release's identity:
/// <list type="bullet">
/// <item>When the release already holds this very set of wheels (and no other wheel of the distribution), its
/// SHA256SUMS, manifest.json and reports (from the run that published them) are kept even where this run's differ
/// (times, durations, paths), so a re-run writes nothing; missing or broken ones are still uploaded.</item>
/// <item>A wheel the release holds identically keeps its own reports likewise.</item>
/// <item>When this run changes the set of a release that already holds some of its wheels (a wheel for a new
/// Python), SHA256SUMS and manifest.json describe the whole new set, so they are replaced without --replace-assets;
/// they are files only tfwheel writes.</item>
/// <item>Anything else that differs is refused unless --replace-assets.</item>
/// </list>
/// Other assets on the release are left alone, except wheels of the same distribution that this run did not build
/// (<see cref="Stale"/>): SHA256SUMS would not cover them.
/// </summary>
public static class ReleaseReconciler
{
    /// <summary>Suffix of the temporary name a replacement is uploaded under; GitHub keeps '.' and letters as they are.</summary>
    public const string TemporarySuffix = ".tfwheel-replacing";

    public static IReadOnlyList<AssetStep> Reconcile(IReadOnlyList<LocalAsset> local, IReadOnlyList<RemoteAsset> remote, bool replaceAssets)
    {
        var byName = remote.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wheels = local.Where(l => ArtifactSet.IsWheel(l.Name)).ToList();
        var kept = wheels.Where(w => byName.GetValueOrDefault(w.Name) is { } r && Matches(w, r)).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var sameSet = wheels.Count > 0 && kept.Count == wheels.Count && Stale(local, remote).Count == 0;
        var reportOf = wheels
            .Select(w => (Wheel: w.Name, Tag: ArtifactSet.PythonTagOf(w.Name)))
            .Where(w => w.Tag is not null)
            .SelectMany(w => new[] { (Report: BuildPaths.VerifyReportName(w.Tag!), w.Wheel), (Report: BuildPaths.SmokeReportName(w.Tag!), w.Wheel) })
            .ToDictionary(x => x.Report, x => x.Wheel, StringComparer.Ordinal);

        string? Keep(LocalAsset l) =>
            ArtifactSet.IsWheel(l.Name) ? null
            : sameSet ? $"kept: the release has {(wheels.Count == 1 ? "this same wheel" : $"these same {wheels.Count} wheels")}, and its copy is from the run that published {(wheels.Count == 1 ? "it" : "them")}"
            : reportOf.GetValueOrDefault(l.Name) is { } w && kept.Contains(w) ? $"kept: the release has this same {w}, and its copy is from the run that published it"
            : null;

        string? Renew(LocalAsset l) =>
            kept.Count > 0 && !ArtifactSet.IsWheel(l.Name) && (l.Name is ArtifactSet.ChecksumsName or ArtifactSet.ManifestName || reportOf.ContainsKey(l.Name))
                ? $"; this run changes the release's wheels, and this copy describes all {wheels.Count}"
                : null;

        return local.Select(l => Decide(l, byName.GetValueOrDefault(l.Name), byName.GetValueOrDefault(l.Name + TemporarySuffix), replaceAssets, Keep(l), Renew(l))).ToList();
    }

    /// <summary>
    /// Release assets this run's set makes stale: wheels of the same distribution it did not build (e.g. the cp310
    /// wheel an earlier run published, when this run built cp311 and cp312), each preceded by its reports.
    /// </summary>
    public static IReadOnlyList<RemoteAsset> Stale(IReadOnlyList<LocalAsset> local, IReadOnlyList<RemoteAsset> remote)
    {
        var names = local.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var ours = local.Where(l => ArtifactSet.IsWheel(l.Name)).Select(l => Distribution(l.Name)).Where(d => d is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stale = new List<RemoteAsset>();
        foreach (var wheel in remote.Where(r => ArtifactSet.IsWheel(r.Name) && !names.Contains(r.Name) && Distribution(r.Name) is { } d && ours.Contains(d)))
        {
            var tag = ArtifactSet.PythonTagOf(wheel.Name)!;
            var reports = new[] { BuildPaths.VerifyReportName(tag), BuildPaths.SmokeReportName(tag) }.Where(n => !names.Contains(n)).ToHashSet(StringComparer.Ordinal);
            stale.AddRange(remote.Where(r => reports.Contains(r.Name) && !stale.Contains(r)));
            stale.Add(wheel);
        }

        return stale;
    }

    private static AssetStep Decide(LocalAsset local, RemoteAsset? existing, RemoteAsset? leftover, bool replace, string? keep, string? renew)
    {
        if (existing is null)
        {
            return leftover is not null && Matches(local, leftover)
                ? new AssetStep(AssetAction.FinishReplace, local, null, leftover, "a replacement upload completed but was not renamed")
                : new AssetStep(AssetAction.Upload, local, null, leftover, "not on the release");
        }

        if (!existing.IsComplete)
        {
            return new AssetStep(AssetAction.ReplaceBroken, local, existing, leftover, $"incomplete on the release (state '{existing.State}')");
        }

        if (Matches(local, existing))
        {
            return new AssetStep(AssetAction.Skip, local, existing, leftover, existing.Sha256 is null ? "same size (GitHub has no digest yet)" : "identical");
        }

        if (keep is not null)
        {
            return new AssetStep(AssetAction.Skip, local, existing, leftover, keep);
        }

        var why = existing.Size != local.Size
            ? $"different content (release: {existing.Size} bytes, local: {local.Size} bytes)"
            : $"different content (release sha256 {existing.Sha256}, local {local.Sha256})";
        return new AssetStep(replace || renew is not null ? AssetAction.Replace : AssetAction.Refuse, local, existing, leftover, why + renew);
    }

    /// <summary>The wheel name's distribution, compared as installers do (case and '.'/'_' insensitive); null when not a wheel name.</summary>
    private static string? Distribution(string wheelName) =>
        WheelFileName.TryParse(wheelName, out _)?.Distribution.Replace('.', '_');

    private static bool Matches(LocalAsset local, RemoteAsset remote) =>
        remote.IsComplete && remote.Size == local.Size && (remote.Sha256 is null || string.Equals(remote.Sha256, local.Sha256, StringComparison.OrdinalIgnoreCase));
}
