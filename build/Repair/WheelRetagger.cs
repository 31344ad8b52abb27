using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tfwheel.Errors;
using Tfwheel.Platforms;

namespace Tfwheel.Repair;

/// <summary>
/// Writes a copy of a wheel under new platform tags (packaging.python.org binary-distribution-format):
/// the file name, the WHEEL file's Tag lines (one per expanded python-abi-platform tag) and a RECORD
/// rewritten from the bytes actually written (sha256, size; RECORD itself unhashed). Every other entry
/// is copied byte for byte with its timestamp and Unix mode. Streams entry by entry (memory stays one
/// buffer), into a temp file in the destination folder that is renamed into place only when complete.
/// RECORD.jws / RECORD.p7s signatures, which no longer match, are dropped (PEP 815 deprecated them).
/// </summary>
public static class WheelRetagger
{
    private const int MaxWheelFile = 64 << 10;

    /// <summary>The new file name: the source's with its platform tag set replaced.</summary>
    public static string RetaggedName(WheelFileName name, string platformTags) =>
        string.Join('-', new[] { name.Distribution, name.Version, name.Build, string.Join('.', name.PythonTags), string.Join('.', name.AbiTags), platformTags }
            .Where(p => p is not null)) + ".whl";

    public static async Task<string> RetagAsync(string source, string destinationDirectory, string platformTags, CancellationToken ct)
    {
        var name = WheelFileName.TryParse(source, out var error) ?? throw new StepFailedException($"Repair: {error}.", ExitCodes.Verify);
        var destination = Path.Combine(destinationDirectory, RetaggedName(name, platformTags));
        var tags = (from p in name.PythonTags from a in name.AbiTags from f in platformTags.Split('.') select $"{p}-{a}-{f}").ToList();
        var temp = Path.Combine(destinationDirectory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var input = File.OpenRead(source))
            using (var from = new ZipArchive(input, ZipArchiveMode.Read))
            await using (var output = File.Create(temp))
            {
                using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await CopyAsync(from, to, tags, Path.GetFileName(source), ct);
                }

                await output.FlushAsync(ct);
            }

            File.Move(temp, destination, overwrite: true);
            return destination;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task CopyAsync(ZipArchive from, ZipArchive to, IReadOnlyList<string> tags, string wheelName, CancellationToken ct)
    {
        var wheelFiles = from.Entries.Where(e => IsDistInfoFile(e.FullName, "WHEEL")).ToList();
        if (wheelFiles.Count != 1)
        {
            throw new StepFailedException(
                $"Repair: {wheelName} has {wheelFiles.Count} *.dist-info/WHEEL files, not one; Verify reports why. Rebuild the wheel.", ExitCodes.Verify);
        }

        var distInfo = wheelFiles[0].FullName[..^"WHEEL".Length];
        var record = new StringBuilder();
        foreach (var entry in from.Entries)
        {
            ct.ThrowIfCancellationRequested();
            var path = entry.FullName;
            if (path == distInfo + "RECORD" || path == distInfo + "RECORD.jws" || path == distInfo + "RECORD.p7s")
            {
                continue;
            }

            var copy = to.CreateEntry(path, entry.CompressedLength == entry.Length ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            copy.ExternalAttributes = entry.ExternalAttributes;
            if (path.EndsWith('/'))
            {
                continue; // a directory: no content, not listed in RECORD
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size;
            await using (var target = copy.Open())
            {
                size = path == distInfo + "WHEEL"
                    ? await WriteAsync(target, hash, Encoding.UTF8.GetBytes(Retag(await ReadSmallAsync(entry, wheelName, ct), tags)), ct)
                    : await CopyStreamAsync(entry, target, hash, ct);
            }

            record.Append(Csv(path)).Append(",sha256=").Append(Base64Url(hash.GetHashAndReset())).Append(',').Append(size).Append('\n');
        }

        record.Append(Csv(distInfo + "RECORD")).Append(",,\n");
        var recordEntry = to.CreateEntry(distInfo + "RECORD", CompressionLevel.Optimal);
        await using var recordStream = recordEntry.Open();
        await recordStream.WriteAsync(Encoding.UTF8.GetBytes(record.ToString()), ct);
    }

    /// <summary>WHEEL with its Tag lines replaced by <paramref name="tags"/>, where the first Tag line was (at the end if none).</summary>
    internal static string Retag(string wheel, IReadOnlyList<string> tags)
    {
        var lines = wheel.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith("Tag:", StringComparison.Ordinal));
        lines.RemoveAll(l => l.StartsWith("Tag:", StringComparison.Ordinal));
        lines.InsertRange(at < 0 ? lines.Count : at, tags.Select(t => "Tag: " + t));
        return string.Join('\n', lines) + "\n";
    }

    private static bool IsDistInfoFile(string path, string file)
    {
        var parts = path.Split('/');
        return parts.Length == 2 && parts[0].EndsWith(".dist-info", StringComparison.Ordinal) && parts[1] == file;
    }

    private static async Task<string> ReadSmallAsync(ZipArchiveEntry entry, string wheelName, CancellationToken ct)
    {
        if (entry.Length > MaxWheelFile)
        {
            throw new StepFailedException($"Repair: {wheelName}'s {entry.FullName} claims {entry.Length} bytes; a WHEEL file is a few lines. Rebuild the wheel.", ExitCodes.Verify);
        }

        await using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    private static async Task<long> CopyStreamAsync(ZipArchiveEntry entry, Stream target, IncrementalHash hash, CancellationToken ct)
    {
        var buffer = new byte[1 << 20];
        long size = 0;
        await using var stream = entry.Open();
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }

        return size;
    }

    private static async Task<long> WriteAsync(Stream target, IncrementalHash hash, byte[] bytes, CancellationToken ct)
    {
        hash.AppendData(bytes);
        await target.WriteAsync(bytes, ct);
        return bytes.Length;
    }

    private static string Base64Url(byte[] digest) => Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A RECORD field as Python's csv writer quotes it (QUOTE_MINIMAL).</summary>
    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
