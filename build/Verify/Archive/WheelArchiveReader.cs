using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// Reads every entry of a wheel exactly once: each decompressed chunk feeds the entry's sha256 (for
/// RECORD) and, while the file may be a native binary, its <see cref="NativeBinaryScanner"/>. Memory
/// stays bounded: one chunk buffer plus what the header readers capture (capped). Never extracts to disk.
/// A corrupt or hostile archive yields findings, not exceptions.
/// </summary>
public static class WheelArchiveReader
{
    /// <summary>Past this ratio a large entry is treated as a zip bomb (real TF libraries compress about 3-5x).</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>The most uncompressed bytes one wheel may hold; TensorFlow wheels unpack to about 1.5 GB.</summary>
    public const long MaxUncompressedTotal = 16L << 30;

    private const int ChunkSize = 1 << 20;
    private const int MaxMetadataText = 32 << 20;
    private static readonly string[] MetadataFiles = ["RECORD", "WHEEL", "METADATA"];

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
            var budget = new NameBudget();
            long total = 0;
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                foreach (var entry in all)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var name = entry.FullName;
                    if (ArchivePathRules.Check(name) is { } unsafePath)
                    {
                        findings.Add(unsafePath);
                    }

                    if (!seen.Add(name))
                    {
                        findings.Add(Finding.Error(FindingCodes.ZipDuplicateName, name, "The archive holds this name twice; installers disagree on which copy wins. Rebuild the wheel so each file appears once."));
                        continue;
                    }

                    if (name.EndsWith('/'))
                    {
                        continue;
                    }

                    // Unix mode bits live in the top 16 bits of the external attributes; S_IFLNK = 0xA000.
                    if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                    {
                        findings.Add(Finding.Error(FindingCodes.ZipSymlink, name, "The entry is a symbolic link; wheels cannot carry links safely (pip writes the link target as file content). Copy the file instead of linking it."));
                    }

                    total += entry.Length;
                    if (entry.Length > 16 << 20 && entry.Length > (long)MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    {
                        findings.Add(Finding.Error(FindingCodes.ZipBomb, name, $"The entry claims {entry.Length} bytes from {entry.CompressedLength} compressed (over {MaxCompressionRatio}:1), the shape of a zip bomb; it was not unpacked. Rebuild the wheel."));
                        continue;
                    }

                    if (total > MaxUncompressedTotal)
                    {
                        findings.Add(Finding.Error(FindingCodes.ZipTooLarge, name, $"The entries claim more than {MaxUncompressedTotal >> 30} GiB uncompressed; reading stopped here. Split or slim the wheel."));
                        break;
                    }

                    var read = await ReadEntryAsync(entry, buffer, cancellation);
                    findings.AddRange(read.Findings);
                    if (read.Entry is { } e)
                    {
                        entries.Add(e);
                    }

                    if (read.Binary is { } b)
                    {
                        binaries.Add(budget.Charge(b));
                    }

                    if (read.Text is { } t)
                    {
                        texts[name] = t;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
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

    private static async Task<EntryRead> ReadEntryAsync(ZipArchiveEntry entry, byte[] buffer, CancellationToken cancellation)
    {
        var name = entry.FullName;
        var scanner = new NativeBinaryScanner(name, entry.Length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var crc = new Crc32();
        var keepText = IsMetadata(name) && entry.Length <= MaxMetadataText;
        using var text = keepText ? new MemoryStream() : null;
        long count = 0;
        try
        {
            await using var stream = entry.Open();
            int n;
            while ((n = await stream.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellation)) > 0)
            {
                // Never read past what the entry claims: a lying header must not make us inflate forever.
                var take = (int)Math.Min(n, entry.Length + 1 - count);
                count += n;
                var chunk = buffer.AsSpan(0, take);
                hash.AppendData(chunk);
                crc.Append(chunk);
                if (scanner.Interested)
                {
                    scanner.Feed(chunk);
                }

                text?.Write(chunk);
                if (count > entry.Length)
                {
                    return new EntryRead(null, null, null, [Finding.Error(FindingCodes.ZipLengthMismatch, name, $"The entry inflates to more than the {entry.Length} bytes its header claims; reading stopped. Rebuild the wheel.")]);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            // Unsupported methods (bzip2, LZMA) and encrypted entries land here too: pip cannot read them either.
            return new EntryRead(null, null, null, [Finding.Error(FindingCodes.ZipCorrupt, name, $"The entry cannot be decompressed ({e.Message}); rebuild the wheel, or download it again if it was copied.")]);
        }

        var findings = new List<Finding>();
        if (count != entry.Length)
        {
            findings.Add(Finding.Error(FindingCodes.ZipLengthMismatch, name, $"The entry inflates to {count} bytes but its header claims {entry.Length}; rebuild the wheel."));
        }
        else if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
        {
            // zipfile (and so pip) checks every member's CRC-32 while extracting and stops with "Bad CRC-32".
            findings.Add(Finding.Error(FindingCodes.ZipCrcMismatch, name, $"The entry's CRC-32 is {crc.GetCurrentHashAsUInt32():x8} but the archive says {entry.Crc32:x8}; pip refuses it (Bad CRC-32). Rebuild the wheel, or download it again if it was copied."));
        }

        // RECORD's form (PEP 376/427): urlsafe base64 without '=' padding, which is exactly Base64Url.
        var digest = Base64Url.EncodeToString(hash.GetHashAndReset());
        var textValue = text is null ? null : Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
        return new EntryRead(new ArchiveEntry(name, count, digest), scanner.Complete(), textValue, findings);
    }

    private static bool IsMetadata(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && name.LastIndexOf('/') == slash && name[..slash].EndsWith(".dist-info", StringComparison.Ordinal)
            && MetadataFiles.Contains(name[(slash + 1)..]);
    }

    private sealed record EntryRead(ArchiveEntry? Entry, NativeBinary? Binary, string? Text, IReadOnlyList<Finding> Findings);
}

/// <summary>A file read from the wheel: its bytes' length and urlsafe-base64 sha256 exactly as RECORD spells them.</summary>
public sealed record ArchiveEntry(string Path, long Size, string Sha256);

/// <summary>What one pass over a wheel's entries found: hashes, the metadata texts, the native binaries, archive findings.</summary>
public sealed record ArchiveContents(
    IReadOnlyList<ArchiveEntry> Entries,
    IReadOnlyDictionary<string, string> MetadataTexts,
    IReadOnlyList<NativeBinary> Binaries,
    IReadOnlyList<Finding> Findings);
