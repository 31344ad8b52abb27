namespace Tfwheel.Publish;

/// <summary>Performs one reconciled asset step on the release, never leaving a moment without a complete copy on replace.</summary>
internal sealed class AssetStepRunner(GitHubReleaseApi api, RemoteRelease release)
{
    public async Task RunAsync(AssetStep step, CancellationToken ct)
    {
        if (step.Leftover is not null && step.Action != AssetAction.FinishReplace)
        {
            await api.DeleteAssetAsync(step.Leftover, ct);
        }

        switch (step.Action)
        {
            case AssetAction.Upload:
                await UploadAsync(step.Local, step.Local.Name, ct);
                break;
            case AssetAction.ReplaceBroken:
                await api.DeleteAssetAsync(step.Existing!, ct);
                await UploadAsync(step.Local, step.Local.Name, ct);
                break;
            case AssetAction.Replace:
                // Upload the new copy completely under a temporary name, then delete the old one, then rename:
                // the name always points at a complete asset, or briefly at none while a complete one waits
                // beside it (unlike gh's delete-first --clobber, cli/cli#8822).
                var replacement = await UploadAsync(step.Local, step.Local.Name + ReleaseReconciler.TemporarySuffix, ct);
                await api.DeleteAssetAsync(step.Existing!, ct);
                await api.RenameAssetAsync(replacement, step.Local.Name, ct);
                break;
            case AssetAction.FinishReplace:
                await api.RenameAssetAsync(step.Leftover!, step.Local.Name, ct);
                break;
            case AssetAction.Refuse:
                throw new PublishException($"publish: {step.Local.Name} differs on the release ({step.Reason}). Pass --replace-assets to replace it.");
        }
    }

    private Task<RemoteAsset> UploadAsync(LocalAsset local, string name, CancellationToken ct) =>
        api.UploadAsync(release, local, name, async token =>
        {
            // After a failed attempt GitHub may hold a "starter" copy under the name (OpenAPI repos/upload-release-asset:
            // "may leave an empty asset with a state of starter. It can be safely deleted"), and a retry would get 422.
            var there = (await api.ListAssetsAsync(release.Id, token)).FirstOrDefault(a => a.Name == name);
            if (there is null)
            {
                return null;
            }

            if (there.IsComplete && there.Size == local.Size && (there.Sha256 ?? local.Sha256) == local.Sha256)
            {
                return there;
            }

            await api.DeleteAssetAsync(there, token);
            return null;
        }, ct);
}

/// <summary>The reconciled decision for one local asset.</summary>
/// <param name="Existing">The release's asset of the same name, if any.</param>
/// <param name="Leftover">An asset under this asset's temporary name (a crashed replace) to delete or rename.</param>
public sealed record AssetStep(AssetAction Action, LocalAsset Local, RemoteAsset? Existing, RemoteAsset? Leftover, string Reason)
{
    public bool Writes => Action is not (AssetAction.Skip or AssetAction.Refuse) || Leftover is not null;
}
