using System.IO.Compression;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// Reads every entry of a wheel exactly once: each decompressed chunk feeds the entry's sha256 (for
/// RECORD) and, while the file may be a native binary, its <see cref="NativeBinaryScanner"/>. The central
/// directory is checked first, in order; then <see cref="EntryReader"/> reads the entries on all cores, and the
/// results are put back in archive order. Memory stays bounded: per core one chunk buffer plus what the header
/// readers capture (capped). Never extracts to disk. A corrupt or hostile archive yields findings, not exceptions.
/// </summary>
public static class WheelArchiveReader
{
    /// <summary>Past this ratio a large entry is treated as a zip bomb (real TF libraries compress about 3-5x).</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>The most uncompressed bytes one wheel may hold; TensorFlow wheels unpack to about 1.5 GB.</summary>
    public const long MaxUncompressedTotal = 16L << 30;


    public static async Task<ArchiveContents> ReadAsync(string wheelPath, CancellationToken cancellation)
    {
        var entries = new List<ArchiveEntry>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var binaries = new List<NativeBinary>();
        var findings = new List<Finding>();
        await using var file = new FileStream(wheelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            findings.Add(Finding.Error(FindingCodes.ZipCorrupt, "", $"The wheel is not a readable zip archive ({e.Message}); rebuild it, or download it again if it was copied."));
            return new ArchiveContents(entries, texts, binaries, findings);
        }

        using (zip)
        {
            if (CentralDirectory(zip, findings) is not { } all)
            {
                return new ArchiveContents(entries, texts, binaries, findings);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var steps = new List<(List<Finding> Before, int Read)>();
            var reads = new List<(int Index, ZipArchiveEntry Entry)>();
            long total = 0;
            var index = -1;
            foreach (var entry in all)
            {
                index++;
                cancellation.ThrowIfCancellationRequested();
                var before = new List<Finding>();
                steps.Add((before, -1));
                var name = entry.FullName;
                if (ArchivePathRules.Check(name) is { } unsafePath)
                {
                    before.Add(unsafePath);
                }

                if (!seen.Add(name))
                {
                    before.Add(Finding.Error(FindingCodes.ZipDuplicateName, name, "The archive holds this name twice; installers disagree on which copy wins. Rebuild the wheel so each file appears once."));
                    continue;
                }

                if (name.EndsWith('/'))
                {
                    continue;
                }

                // Unix mode bits live in the top 16 bits of the external attributes; S_IFLNK = 0xA000.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    before.Add(Finding.Error(FindingCodes.ZipSymlink, name, "The entry is a symbolic link; wheels cannot carry links safely (pip writes the link target as file content). Copy the file instead of linking it."));
                }

                total += entry.Length;
                if (entry.Length > 16 << 20 && entry.Length > (long)MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    before.Add(Finding.Error(FindingCodes.ZipBomb, name, $"The entry claims {entry.Length} bytes from {entry.CompressedLength} compressed (over {MaxCompressionRatio}:1), the shape of a zip bomb; it was not unpacked. Rebuild the wheel."));
                    continue;
                }

                if (total > MaxUncompressedTotal)
                {
                    before.Add(Finding.Error(FindingCodes.ZipTooLarge, name, $"The entries claim more than {MaxUncompressedTotal >> 30} GiB uncompressed; reading stopped here. Split or slim the wheel."));
                    break;
                }

                steps[^1] = (before, reads.Count);
                reads.Add((index, entry));
            }

            var results = await EntryReader.ReadAllAsync(wheelPath, zip, reads, cancellation);

            // Assembled in archive order, whatever order the workers finished in: the report is the same every run.
            var budget = new NameBudget();
            foreach (var (before, read) in steps)
            {
                findings.AddRange(before);
                if (read < 0)
                {
                    continue;
                }

                var result = results[read];
                findings.AddRange(result.Findings);
                if (result.Entry is { } e)
                {
                    entries.Add(e);
                }

                if (result.Binary is { } b)
                {
                    binaries.Add(budget.Charge(b));
                }

                if (result.Text is { } t)
                {
                    texts[reads[read].Entry.FullName] = t;
                }
            }
        }

        return new ArchiveContents(entries, texts, binaries, findings);
    }

    /// <summary>The entries, or null with a finding when the central directory disagrees with its end record (a count off by one).</summary>
    private static IReadOnlyCollection<ZipArchiveEntry>? CentralDirectory(ZipArchive zip, List<Finding> findings)
    {
        try
        {
            return zip.Entries;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            findings.Add(Finding.Error(FindingCodes.ZipCorrupt, "", $"The wheel's central directory cannot be read ({e.Message}); installers refuse it. Rebuild the wheel, or download it again if it was copied."));
            return null;
        }
    }

}

/// <summary>A file read from the wheel: its bytes' length and urlsafe-base64 sha256 exactly as RECORD spells them.</summary>
public sealed record ArchiveEntry(string Path, long Size, string Sha256);

/// <summary>What one pass over a wheel's entries found: hashes, the metadata texts, the native binaries, archive findings.</summary>
public sealed record ArchiveContents(
    IReadOnlyList<ArchiveEntry> Entries,
    IReadOnlyDictionary<string, string> MetadataTexts,
    IReadOnlyList<NativeBinary> Binaries,
    IReadOnlyList<Finding> Findings);
