using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tfwheel.Verify;

namespace Tfwheel.Bench;

/// <summary>
/// Verify on a wheel of hundreds of MB (the real npm binaries from tests/.cache/npm plus incompressible
/// filler), against `unzip -p wheel | sha256sum` of the same file: the cost of just inflating and hashing
/// every byte. Target: at most 1.25x. Best of three runs each, interleaved, after one warm-up.
/// </summary>
public sealed class VerifyLargeWheelBenchmark : IBenchmark
{
    private const double Target = 1.25;
    private const int Runs = 3;

    public string Name => "verify-wheel";

    public string Description => "Verify a ~500 MB wheel vs `unzip -p | sha256sum` of it (target <= 1.25x)";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var fillerMb = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var npm = Path.Combine(FindRoot(), "tests", ".cache", "npm");
        if (!Directory.Exists(npm))
        {
            Console.Error.WriteLine($"{npm} is missing: run tests/fixtures/npm/fetch.sh first.");
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("tfwheel-bench-");
        try
        {
            var wheel = BuildWheel(npm, dir.FullName, fillerMb);
            Console.WriteLine($"wheel: {new FileInfo(wheel).Length / 1e6:0} MB on disk");
            await Baseline(wheel);
            var baseline = TimeSpan.MaxValue;
            var verify = TimeSpan.MaxValue;
            VerifyReport? report = null;
            for (var i = 0; i < Runs; i++)
            {
                var b = await Baseline(wheel);
                baseline = b < baseline ? b : baseline;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                report = await WheelVerifier.VerifyAsync(wheel, VerifyRequirements.FromWheelFileName(wheel), CancellationToken.None);
                verify = watch.Elapsed < verify ? watch.Elapsed : verify;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
                Console.WriteLine($"  run {i + 1}: unzip -p | sha256sum {b.TotalSeconds:0.000} s, verify {watch.Elapsed.TotalSeconds:0.000} s, verify allocated {allocated:0} MB in all");
            }

            var ratio = verify / baseline;
            Console.WriteLine($"verify read {report!.Wheel.Files} files, {report.Binaries.Count} native binaries, {report.Findings.Count} findings");
            Console.WriteLine($"baseline {baseline.TotalSeconds:0.000} s, verify {verify.TotalSeconds:0.000} s, ratio {ratio:0.00}x (target <= {Target:0.00}x): {(ratio <= Target ? "MET" : "MISSED")}");
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<TimeSpan> Baseline(string wheel)
    {
        var start = new ProcessStartInfo("bash", ["-c", "unzip -p \"$1\" | sha256sum >/dev/null", "bash", wheel]);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? watch.Elapsed : throw new InvalidOperationException("unzip -p | sha256sum failed");
    }

    private static string BuildWheel(string npm, string dir, int fillerMb)
    {
        var path = Path.Combine(dir, "tensorflow-2.20.0-cp312-cp312-macosx_14_0_arm64.whl");
        var record = new StringBuilder();
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string name, byte[] content)
        {
            using (var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
            {
                s.Write(content);
            }

            var hash = Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{name},sha256={hash},{content.Length}\n");
        }

        foreach (var file in Directory.EnumerateFiles(npm, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 100_000 && !f.EndsWith(".dll", StringComparison.Ordinal)))
        {
            Add("tensorflow/" + Path.GetRelativePath(npm, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        var random = new Random(20);
        for (var i = 0; i < fillerMb / 50; i++)
        {
            var filler = new byte[50 << 20];
            random.NextBytes(filler);
            Add($"tensorflow/data/filler{i}.bin", filler);
        }

        Add("tensorflow-2.20.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: tensorflow\nVersion: 2.20.0\n"u8.ToArray());
        Add("tensorflow-2.20.0.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-cp312-macosx_14_0_arm64\n"u8.ToArray());
        using (var s = zip.CreateEntry("tensorflow-2.20.0.dist-info/RECORD").Open())
        {
            s.Write(Encoding.UTF8.GetBytes(record + "tensorflow-2.20.0.dist-info/RECORD,,\n"));
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tfwheel.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
