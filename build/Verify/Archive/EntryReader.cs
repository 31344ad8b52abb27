using System.Buffers.Text;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// Reads the chosen entries of a wheel on <see cref="Environment.ProcessorCount"/> workers, largest first. Each
/// worker has its own view of the file (a FileStream and ZipArchive: neither is safe to share) and one 1 MiB chunk
/// buffer, so memory grows with the cores, never with the wheel. Results come back indexed like the input.
/// </summary>
internal static class EntryReader
{
    /// <summary>
    /// What reading one entry may hold besides the chunk buffer: for a native binary, the header readers' captures
    /// (ELF: a prefix up to 16 MiB, an 8 MiB tail, the symbol tables; Mach-O: its tables), estimated from its size.
    /// </summary>
    public const long MaxEntryMemory = 48L << 20;

    /// <summary>Estimated memory all workers together may hold at once (<see cref="MemoryGate"/>).</summary>
    public const long MemoryBudget = 64L << 20;

    private const int ChunkSize = 1 << 20;

    /// <summary>Entries this large leave enough garbage behind to collect right after them (<see cref="ReadAllAsync"/>).</summary>
    private const long LargeEntry = 16L << 20;
    private const int MaxMetadataText = 32 << 20;
    private static readonly string[] MetadataFiles = ["RECORD", "WHEEL", "METADATA"];

    /// <param name="main">The archive the entries came from; one worker reads through it.</param>
    /// <param name="reads">Entries by their index in the central directory.</param>
    public static async Task<EntryRead[]> ReadAllAsync(string wheelPath, ZipArchive main, IReadOnlyList<(int Index, ZipArchiveEntry Entry)> reads, CancellationToken cancellation)
    {
        var results = new EntryRead[reads.Count];
        var gate = new MemoryGate(MemoryBudget);
        var views = new ConcurrentBag<View>([new View(null, main)]);
        var opened = new ConcurrentBag<View>();
        long Weight(int i) => Math.Min(reads[i].Entry.Length, MaxEntryMemory);

        // Waiting entries, heaviest first (then the largest compressed): a free worker takes the first that fits.
        var order = Enumerable.Range(0, reads.Count).OrderByDescending(Weight).ThenByDescending(i => reads[i].Entry.CompressedLength).ThenBy(i => i).ToList();
        var sync = new Lock();

        async Task WorkAsync(CancellationToken ct)
        {
            while (true)
            {
                var i = -1;
                IDisposable? lease;
                Task released;
                lock (sync)
                {
                    if (order.Count == 0)
                    {
                        return;
                    }

                    released = gate.NextRelease;
                    if (gate.TryEnterLargestFitting(order, Weight, out var at, out lease))
                    {
                        i = order[at];
                        order.RemoveAt(at);
                    }
                }

                if (lease is null)
                {
                    await released.WaitAsync(ct);
                    continue;
                }

                using (lease)
                {
                    await ReadOneAsync(i, ct);
                }
            }
        }

        async Task ReadOneAsync(int i, CancellationToken ct)
        {
            if (!views.TryTake(out var view))
            {
                view = View.Open(wheelPath);
                opened.Add(view);
            }

            try
            {
                var entry = view.File is null ? reads[i].Entry : view.Zip.Entries[reads[i].Index];
                results[i] = await ReadEntryAsync(entry, view.Buffer, ct);
                if (entry.Length >= LargeEntry)
                {
                    // What reading a large native binary held (its tables, copies of .dynsym/.dynstr, function and
                    // feature lists: MiBs in the large object heap) is garbage now; collected at once, the next large
                    // entry reuses that memory instead of growing the heap (GC only sweeps the large object heap in
                    // full collections). Without it verify-parallel ran slower and peaked 8 MiB higher.
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
                }
            }
            finally
            {
                views.Add(view);
            }
        }

        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var workers = Enumerable.Range(0, Math.Max(1, Math.Min(Environment.ProcessorCount, reads.Count)))
                .Select(_ => Task.Run(async () =>
                {
                    try
                    {
                        await WorkAsync(stop.Token);
                    }
                    catch
                    {
                        // One worker's failure stops the others (they would wait for releases that never come).
                        await stop.CancelAsync();
                        throw;
                    }
                }, CancellationToken.None))
                .ToList();
            await Task.WhenAll(workers);
        }
        finally
        {
            foreach (var view in opened)
            {
                view.Dispose();
            }

            PrefixBuffers.Clear();
        }

        return results;
    }

    private static async Task<EntryRead> ReadEntryAsync(ZipArchiveEntry entry, byte[] buffer, CancellationToken cancellation)
    {
        var name = entry.FullName;
        // A second read of the entry (rare: see ElfIsaScan) inflates it again; the archive allows one open stream at a time, and the first is closed by then.
        var scanner = new NativeBinaryScanner(name, entry.Length, entry.Open);
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
        var binary = await scanner.CompleteAsync(cancellation);
        return new EntryRead(new ArchiveEntry(name, count, digest), binary, textValue, findings);
    }

    private static bool IsMetadata(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && name.LastIndexOf('/') == slash && name[..slash].EndsWith(".dist-info", StringComparison.Ordinal)
            && MetadataFiles.Contains(name[(slash + 1)..]);
    }

    /// <summary>One worker's own handle on the wheel: the file, its archive and its chunk buffer.</summary>
    private sealed class View(FileStream? file, ZipArchive zip) : IDisposable
    {
        public FileStream? File { get; } = file;

        public ZipArchive Zip { get; } = zip;

        public byte[] Buffer { get; } = new byte[ChunkSize];

        public static View Open(string path)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return new View(file, new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true));
        }

        public void Dispose()
        {
            Zip.Dispose();
            File?.Dispose();
        }
    }
}

/// <summary>What reading one entry gave: its RECORD row material, the binary (if it is one), the metadata text, findings.</summary>
internal sealed record EntryRead(ArchiveEntry? Entry, NativeBinary? Binary, string? Text, IReadOnlyList<Finding> Findings);
