namespace Tfwheel.Publish;

/// <summary>Where the release for the tag comes from.</summary>
public enum ReleaseOrigin
{
    /// <summary>No release for the tag: Publish creates a draft.</summary>
    Create,

    /// <summary>Exactly one draft for the tag (e.g. left by a crashed run): adopted.</summary>
    AdoptDraft,

    /// <summary>A published release for the tag: assets are reconciled into it (refused when it is immutable and needs changes).</summary>
    Published,
}
