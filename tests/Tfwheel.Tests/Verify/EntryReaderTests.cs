using System.IO.Compression;
using Tfwheel.Tests.Support;
using Tfwheel.Verify.Archive;

namespace Tfwheel.Tests.Verify;

/// <summary>The parallel entry reader: every entry read once, in archive order, and a cancelled run stops without hanging.</summary>
public sealed class EntryReaderTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Entries_of_every_size_come_back_in_archive_order_with_their_hashes()
    {
        var (path, expected) = Archive(entries: 40);
        using var zip = ZipFile.OpenRead(path);
        var reads = zip.Entries.Select((e, i) => (i, e)).ToList();

        var results = await EntryReader.ReadAllAsync(path, zip, reads, CancellationToken.None);

        Assert.Equal(expected, results.Select(r => (r.Entry!.Size, r.Entry.Sha256)));
        Assert.Equal(zip.Entries.Select(e => e.FullName), results.Select(r => r.Entry!.Path));
        Assert.All(results, r => Assert.Empty(r.Findings));
    }

    [Fact]
    public async Task A_cancelled_read_stops_every_worker()
    {
        var (path, _) = Archive(entries: 40);
        using var zip = ZipFile.OpenRead(path);
        var reads = zip.Entries.Select((e, i) => (i, e)).ToList();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var read = EntryReader.ReadAllAsync(path, zip, reads, cancel.Token);

        // 160 MiB to inflate and hash takes far longer than 20 ms; a worker left waiting at the gate would time out here.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(60)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EntryReader.ReadAllAsync(path, zip, reads, new CancellationToken(canceled: true)));
    }

    /// <summary>Entries from a few bytes to 40 MiB (several above the memory budget's share, so the gate has work).</summary>
    private (string Path, List<(long Size, string Sha256)> Expected) Archive(int entries)
    {
        var path = Path.Combine(dir.Path, "entries.zip");
        var expected = new List<(long, string)>();
        var random = new Random(7);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var i = 0; i < entries; i++)
            {
                var size = i % 10 == 0 ? (40 << 20) - i : random.Next(1, 200_000);
                var bytes = new byte[size];
                random.NextBytes(bytes.AsSpan(0, Math.Min(size, 4096)));
                using var stream = zip.CreateEntry($"pkg/file{i:D2}.bin", CompressionLevel.Fastest).Open();
                stream.Write(bytes);
                expected.Add((size, System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(bytes))));
            }
        }

        return (path, expected);
    }
}
