namespace Tfwheel.Verify.Archive;

/// <summary>A file read from the wheel: its bytes' length and urlsafe-base64 sha256 exactly as RECORD spells them.</summary>
public sealed record ArchiveEntry(string Path, long Size, string Sha256);
