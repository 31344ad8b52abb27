namespace Tfwheel.Publish;

/// <summary>
/// Pure: compares the local assets with the release's assets by name, size and SHA-256 (GitHub's <c>digest</c>)
/// and decides per asset. Assets on the release that are not ours are left alone. The wheel is the release's
/// identity: when the release already holds this very wheel, its SHA256SUMS and reports (from the run that
/// published it) are kept even where this run's differ (times, durations, paths), so a re-run writes nothing;
/// missing or broken ones are still uploaded.
/// </summary>
public static class ReleaseReconciler
{
    /// <summary>Suffix of the temporary name a replacement is uploaded under; GitHub keeps '.' and letters as they are.</summary>
    public const string TemporarySuffix = ".tfwheel-replacing";

    public static IReadOnlyList<AssetStep> Reconcile(IReadOnlyList<LocalAsset> local, IReadOnlyList<RemoteAsset> remote, bool replaceAssets)
    {
        var byName = remote.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wheels = local.Where(l => ArtifactSet.IsWheel(l.Name)).ToList();
        var sameWheel = wheels.Count > 0 && wheels.All(w => byName.GetValueOrDefault(w.Name) is { } r && Matches(w, r));
        return local.Select(l => Decide(l, byName.GetValueOrDefault(l.Name), byName.GetValueOrDefault(l.Name + TemporarySuffix), replaceAssets, sameWheel && !ArtifactSet.IsWheel(l.Name))).ToList();
    }

    private static AssetStep Decide(LocalAsset local, RemoteAsset? existing, RemoteAsset? leftover, bool replace, bool keep)
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

        if (keep)
        {
            return new AssetStep(AssetAction.Skip, local, existing, leftover, "kept: the release has this same wheel, and its copy is from the run that published it");
        }

        var why = existing.Size != local.Size
            ? $"different content (release: {existing.Size} bytes, local: {local.Size} bytes)"
            : $"different content (release sha256 {existing.Sha256}, local {local.Sha256})";
        return new AssetStep(replace ? AssetAction.Replace : AssetAction.Refuse, local, existing, leftover, why);
    }

    private static bool Matches(LocalAsset local, RemoteAsset remote) =>
        remote.IsComplete && remote.Size == local.Size && (remote.Sha256 is null || string.Equals(remote.Sha256, local.Sha256, StringComparison.OrdinalIgnoreCase));
}
