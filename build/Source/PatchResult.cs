namespace Tfwheel.Source;

/// <summary>The patch series as applied, in order, with each patch's SHA-256 for the manifest.</summary>
public sealed record PatchResult(IReadOnlyList<PatchOutcome> Patches, TimeSpan Duration);
