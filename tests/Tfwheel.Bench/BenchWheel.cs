using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Tfwheel.Bench;

/// <summary>Writes a valid wheel (METADATA, WHEEL, a RECORD with every file's sha256) from files on disk, deflated like pip's wheels.</summary>
internal static class BenchWheel
{
    public static void Write(string path, string name, string version, IReadOnlyList<string> files)
    {
        var distInfo = $"{name}-{version}.dist-info";
        var tag = Path.GetFileNameWithoutExtension(path).Split('-')[^3..];
        var record = new StringBuilder();
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string entryName, Stream content)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            using (var s = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open())
            {
                var buffer = new byte[1 << 20];
                int n;
                while ((n = content.Read(buffer)) > 0)
                {
                    s.Write(buffer, 0, n);
                    hash.AppendData(buffer, 0, n);
                    size += n;
                }
            }

            record.Append($"{entryName},sha256={Convert.ToBase64String(hash.GetHashAndReset()).TrimEnd('=').Replace('+', '-').Replace('/', '_')},{size}\n");
        }

        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            Add($"{name}/lib/{Path.GetFileName(file)}", stream);
        }

        Add($"{distInfo}/METADATA", new MemoryStream(Encoding.UTF8.GetBytes($"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")));
        Add($"{distInfo}/WHEEL", new MemoryStream(Encoding.UTF8.GetBytes($"Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: {string.Join('-', tag)}\n")));
        using var recordStream = zip.CreateEntry($"{distInfo}/RECORD").Open();
        recordStream.Write(Encoding.UTF8.GetBytes(record + $"{distInfo}/RECORD,,\n"));
    }
}
