namespace Tfwheel.Source;

/// <summary>What happened to one patch: applied now, or found already applied and skipped.</summary>
public sealed record PatchOutcome(string Path, string Sha256, bool AlreadyApplied);
