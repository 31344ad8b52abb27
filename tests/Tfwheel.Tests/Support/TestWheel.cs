using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tfwheel.Platforms;
using Tfwheel.Tests.Verify;

namespace Tfwheel.Tests.Support;

/// <summary>
/// Builds a real wheel: a zip with the given files, dist-info METADATA and WHEEL, and a RECORD whose
/// hashes are computed from the bytes written (as bdist_wheel does), which pip installs like any other.
/// Knobs make it wrong on purpose. The one wheel maker of the tests (Verify's and Smoke's).
/// </summary>
internal sealed record TestWheel(string FileName)
{
    /// <summary>The version of the smoke tests' test-double wheels.</summary>
    public const string Version = "0.0.0+tfwheel.testdouble";

    /// <summary>METADATA Summary, when set.</summary>
    public string? Summary { get; init; }

    /// <summary>METADATA Requires-Dist, when set.</summary>
    public string? Requires { get; init; }

    /// <summary>The wheel platform tag for the machine running the tests: linux_x86_64, macosx_11_0_arm64.</summary>
    public static string HostPlatformTag(string? arch = null)
    {
        var host = HostPlatform.Current;
        return host.Os == "macos" ? $"macosx_11_0_{arch ?? host.Arch}" : $"linux_{arch ?? host.Arch}";
    }

    /// <summary>An architecture this host cannot run, for wheels that must be skipped.</summary>
    public static string ForeignArch => HostPlatform.Current.CanRunNatively("x86_64") ? (HostPlatform.Current.Os == "macos" ? "arm64" : "aarch64") : "x86_64";

    /// <summary>Packs the .py files below <paramref name="packageRoot"/> into DISTRIBUTION-0.0.0+tfwheel.testdouble-py3-none-PLATFORM.whl.</summary>
    public static string Build(string packageRoot, string outputDirectory, string platformTag, string distribution = "tensorflow", string? requires = null)
    {
        var files = Directory.EnumerateFiles(packageRoot, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(packageRoot, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();
        Directory.CreateDirectory(outputDirectory);
        return new TestWheel($"{distribution}-{Version}-py3-none-{platformTag}.whl")
        {
            Files = files,
            Summary = "TEST DOUBLE for tfwheel's smoke tests, not TensorFlow",
            Requires = requires,
        }.Write(outputDirectory);
    }

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
        var metadata = Encoding.UTF8.GetBytes($"Metadata-Version: 2.1\nName: {parts[0]}\nVersion: {parts[1]}\n"
            + (Summary is null ? "" : $"Summary: {Summary}\n") + (Requires is null ? "" : $"Requires-Dist: {Requires}\n"));
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
