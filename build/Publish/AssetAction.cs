namespace Tfwheel.Publish;

/// <summary>What reconciling one asset does to the release.</summary>
public enum AssetAction
{
    /// <summary>Already there, complete, same size and SHA-256: no write.</summary>
    Skip,

    /// <summary>Not there: upload.</summary>
    Upload,

    /// <summary>There but incomplete ("starter" after a failed upload): delete it, then upload.</summary>
    ReplaceBroken,

    /// <summary>There with other content and --replace-assets: upload under a temporary name, delete the old one, rename.</summary>
    Replace,

    /// <summary>A crashed replace left the new copy under its temporary name and the old one gone: rename it.</summary>
    FinishReplace,

    /// <summary>There with other content and no --replace-assets: refuse.</summary>
    Refuse,
}
