namespace Tfwheel.Publish;

/// <summary>The reconciled decision for one local asset.</summary>
/// <param name="Existing">The release's asset of the same name, if any.</param>
/// <param name="Leftover">An asset under this asset's temporary name (a crashed replace) to delete or rename.</param>
public sealed record AssetStep(AssetAction Action, LocalAsset Local, RemoteAsset? Existing, RemoteAsset? Leftover, string Reason)
{
    public bool Writes => Action is not (AssetAction.Skip or AssetAction.Refuse) || Leftover is not null;
}
