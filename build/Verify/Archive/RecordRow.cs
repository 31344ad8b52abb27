namespace Tfwheel.Verify.Archive;

/// <summary>One RECORD row: path, "sha256=..." (may be empty), size (may be empty). <paramref name="Line"/> is 1-based.</summary>
public sealed record RecordRow(string Path, string Hash, string Size, int Line);
