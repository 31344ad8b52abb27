namespace Tfwheel.Publish;

/// <summary>
/// Pure: compares the local assets with the release's assets by name, size and SHA-256 (GitHub's <c>digest</c>)
/// and decides per asset. Assets on the release that are not ours are left alone.
/// </summary>
public static class ReleaseReconciler
{
    /// <summary>Suffix of the temporary name a replacement is uploaded under; GitHub keeps '.' and letters as they are.</summary>
    public const string TemporarySuffix = ".tfwheel-replacing";

    public static IReadOnlyList<AssetStep> Reconcile(IReadOnlyList<LocalAsset> local, IReadOnlyList<RemoteAsset> remote, bool replaceAssets)
    {
        var byName = remote.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return local.Select(l => Decide(l, byName.GetValueOrDefault(l.Name), byName.GetValueOrDefault(l.Name + TemporarySuffix), replaceAssets)).ToList();
    }

    private static AssetStep Decide(LocalAsset local, RemoteAsset? existing, RemoteAsset? leftover, bool replace)
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

        var why = existing.Size != local.Size
            ? $"different content (release: {existing.Size} bytes, local: {local.Size} bytes)"
            : $"different content (release sha256 {existing.Sha256}, local {local.Sha256})";
        return new AssetStep(replace ? AssetAction.Replace : AssetAction.Refuse, local, existing, leftover, why);
    }

    private static bool Matches(LocalAsset local, RemoteAsset remote) =>
        remote.IsComplete && remote.Size == local.Size && (remote.Sha256 is null || string.Equals(remote.Sha256, local.Sha256, StringComparison.OrdinalIgnoreCase));
}
