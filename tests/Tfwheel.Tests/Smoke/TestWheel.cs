using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tfwheel.Platforms;

namespace Tfwheel.Tests.Smoke;

/// <summary>
/// Packs a folder of Python packages into a real wheel (PEP 427: .dist-info with METADATA, WHEEL and a
/// RECORD of sha256 digests) that pip installs like any other.
/// </summary>
internal static class TestWheel
{
    public const string Version = "0.0.0+tfwheel.testdouble";

    /// <summary>The wheel platform tag for the machine running the tests: linux_x86_64, macosx_11_0_arm64.</summary>
    public static string HostPlatformTag(string? arch = null)
    {
        var host = HostPlatform.Current;
        return host.Os == "macos" ? $"macosx_11_0_{arch ?? host.Arch}" : $"linux_{arch ?? host.Arch}";
    }

    /// <summary>An architecture this host cannot run, for wheels that must be skipped.</summary>
    public static string ForeignArch => HostPlatform.Current.CanRunNatively("x86_64") ? (HostPlatform.Current.Os == "macos" ? "arm64" : "aarch64") : "x86_64";

    public static string Build(string packageRoot, string outputDirectory, string platformTag, string distribution = "tensorflow", string? requires = null)
    {
        var distInfo = $"{distribution}-{Version}.dist-info";
        var files = Directory.EnumerateFiles(packageRoot, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetRelativePath(packageRoot, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f)))
            .ToList();
        files.Add(($"{distInfo}/METADATA", Encoding.UTF8.GetBytes(
            $"Metadata-Version: 2.1\nName: {distribution}\nVersion: {Version}\nSummary: TEST DOUBLE for tfwheel's smoke tests, not TensorFlow\n" +
            (requires is null ? "" : $"Requires-Dist: {requires}\n"))));
        files.Add(($"{distInfo}/WHEEL", Encoding.UTF8.GetBytes(
            $"Wheel-Version: 1.0\nGenerator: tfwheel-tests\nRoot-Is-Purelib: false\nTag: py3-none-{platformTag}\n")));
        var record = new StringBuilder();
        foreach (var (name, bytes) in files)
        {
            var digest = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append(name).Append(",sha256=").Append(digest).Append(',').Append(bytes.Length).Append('\n');
        }

        record.Append(distInfo).Append("/RECORD,,\n");
        files.Add(($"{distInfo}/RECORD", Encoding.UTF8.GetBytes(record.ToString())));

        Directory.CreateDirectory(outputDirectory);
        var wheel = Path.Combine(outputDirectory, $"{distribution}-{Version}-py3-none-{platformTag}.whl");
        using var zip = ZipFile.Open(wheel, ZipArchiveMode.Create);
        foreach (var (name, bytes) in files)
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(bytes);
        }

        return wheel;
    }
}
