using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>What one pass over a wheel's entries found: hashes, the metadata texts, the native binaries, archive findings.</summary>
public sealed record ArchiveContents(
    IReadOnlyList<ArchiveEntry> Entries,
    IReadOnlyDictionary<string, string> MetadataTexts,
    IReadOnlyList<NativeBinary> Binaries,
    IReadOnlyList<Finding> Findings);
