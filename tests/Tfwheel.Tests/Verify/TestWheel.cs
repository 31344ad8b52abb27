using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// Builds a real wheel: a zip with the given files, dist-info METADATA and WHEEL, and a RECORD whose
/// hashes are computed from the bytes written (as bdist_wheel does). Knobs make it wrong on purpose.
/// </summary>
internal sealed record TestWheel(string FileName)
{
    public IReadOnlyList<(string Path, byte[] Content)> Files { get; init; } = [];

    /// <summary>Entries written to the zip but left out of RECORD (unsafe names, duplicates, extras).</summary>
    public IReadOnlyList<(string Path, byte[] Content)> Unrecorded { get; init; } = [];

    /// <summary>Names written as symbolic links (unix mode 0120777) with the given target.</summary>
    public IReadOnlyList<(string Path, string Target)> Symlinks { get; init; } = [];

    /// <summary>Null: the tags of the file name.</summary>
    public IReadOnlyList<string>? WheelTags { get; init; }

    public string RootIsPurelib { get; init; } = "false";

    public bool WriteRecord { get; init; } = true;

    public Func<string, string> EditRecord { get; init; } = r => r;

    public CompressionLevel Compression { get; init; } = CompressionLevel.Fastest;

    public TestWheel With(string path, byte[] content) => this with { Files = [.. Files, (path, content)] };

    public TestWheel WithFixture(string path, string fixture) => With(path, NpmFixtures.Read(fixture));

    public string DistInfo
    {
        get
        {
            var parts = FileName[..^4].Split('-');
            return $"{parts[0]}-{parts[1]}.dist-info";
        }
    }

    public string Write(string directory)
    {
        var parts = FileName[..^4].Split('-');
        var tags = WheelTags ?? (from p in parts[^3].Split('.') from a in parts[^2].Split('.') from f in parts[^1].Split('.') select $"{p}-{a}-{f}").ToList();
        var metadata = Encoding.UTF8.GetBytes($"Metadata-Version: 2.1\nName: {parts[0]}\nVersion: {parts[1]}\n");
        var wheel = Encoding.UTF8.GetBytes($"Wheel-Version: 1.0\nGenerator: tfwheel-tests\nRoot-Is-Purelib: {RootIsPurelib}\n" + string.Concat(tags.Select(t => $"Tag: {t}\n")));
        var all = Files.Concat([($"{DistInfo}/METADATA", metadata), ($"{DistInfo}/WHEEL", wheel)]).ToList();
        var record = new StringBuilder();
        foreach (var (path, content) in all)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append(path.Contains(',') ? $"\"{path}\"" : path).Append(",sha256=").Append(hash).Append(',').Append(content.Length).Append('\n');
        }

        record.Append($"{DistInfo}/RECORD,,\n");
        var target = Path.Combine(directory, FileName);
        using (var zip = ZipFile.Open(target, ZipArchiveMode.Create))
        {
            foreach (var (path, content) in all.Concat(Unrecorded))
            {
                Add(zip, path, content);
            }

            foreach (var (path, linkTarget) in Symlinks)
            {
                var entry = zip.CreateEntry(path);
                entry.ExternalAttributes = unchecked((int)0xA1FF0000);
                using var s = entry.Open();
                s.Write(Encoding.UTF8.GetBytes(linkTarget));
            }

            if (WriteRecord)
            {
                Add(zip, $"{DistInfo}/RECORD", Encoding.UTF8.GetBytes(EditRecord(record.ToString())));
            }
        }

        return target;
    }

    private void Add(ZipArchive zip, string path, byte[] content)
    {
        var entry = zip.CreateEntry(path, Compression);
        using var s = entry.Open();
        s.Write(content);
    }
}
