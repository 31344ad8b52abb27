using System.Diagnostics;
using System.Globalization;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Bench;

/// <summary>
/// Issue 12's speed and memory targets, measured as whole processes in one run on a ~190 MB wheel built from
/// this machine's own shared libraries (compressible machine code, like TensorFlow's):
/// wall time of `tfwheel --target=Verify --wheel=W` against a single-threaded Python peer (zipfile + hashlib
/// over RECORD), target at most 0.75x; Verify's peak memory (/usr/bin/time's maximum resident set) on the big
/// wheel against a tiny one, target at most 64 MiB more; and the audit's throughput, MB of code decoded per
/// second on one core (in this process, one binary after another). Best of three runs each, interleaved,
/// after one warm-up. Args: [target MB, default 190] [--keep: reuse the wheel in the temp folder] [--audit-only: the throughput alone].
/// </summary>
public sealed class VerifyParallelBenchmark : IBenchmark
{
    private const double TimeTarget = 0.75;
    private const double MemoryTargetMib = 64;
    private const int Runs = 3;

    public string Name => "verify-parallel";

    public string Description => "Verify a ~190 MB wheel of this machine's .so files: wall vs a Python zipfile+hashlib peer (<= 0.75x), peak memory vs a tiny wheel (<= +64 MiB), audit MB/s per core";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var targetMb = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } mb ? int.Parse(mb, CultureInfo.InvariantCulture) : 190;
        var tfwheel = Path.Combine(BenchPaths.Root, "build", "bin", "Release", "net10.0", "tfwheel.dll");
        if (!File.Exists(tfwheel) || !File.Exists("/usr/bin/time"))
        {
            Console.Error.WriteLine($"needs {tfwheel} (dotnet build -c Release build) and /usr/bin/time (apt-get install time).");
            return 2;
        }

        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tfwheel-bench-verify-parallel")).FullName;
        var libraries = SystemLibraries.Largest(targetMb);
        var big = Path.Combine(dir, "tensorflow-2.20.0-cp312-cp312-linux_x86_64.whl");
        var tiny = Path.Combine(dir, "tiny-1.0-cp312-cp312-linux_x86_64.whl");
        if (!args.Contains("--keep") || !File.Exists(big) || !File.Exists(tiny))
        {
            Console.WriteLine($"building the wheel from {libraries.Count} libraries ({libraries.Sum(f => new FileInfo(f).Length) / 1e6:0} MB uncompressed) ...");
            BenchWheel.Write(big, "tensorflow", "2.20.0", libraries);
            BenchWheel.Write(tiny, "tiny", "1.0", [SystemLibraries.Smallest()]);
        }

        Console.WriteLine($"wheel: {new FileInfo(big).Length / 1e6:0} MB on disk; tiny wheel {new FileInfo(tiny).Length / 1e3:0} kB");
        var peer = Path.Combine(dir, "record_peer.py");
        File.WriteAllText(peer, PythonPeer);
        string[] verifyBig = ["dotnet", tfwheel, "--target=Verify", $"--wheel={big}", "--cpu=x86-64-v4"];
        string[] verifyTiny = ["dotnet", tfwheel, "--target=Verify", $"--wheel={tiny}"];
        string[] python = ["python3", peer, big];
        if (args.Contains("--audit-only"))
        {
            await AuditThroughput(libraries);
            return 0;
        }

        await Measure(python, dir);
        await Measure(verifyBig, dir);
        Measured bestPython = Measured.Worst, bestVerify = Measured.Worst, bestTiny = Measured.Worst;
        for (var i = 0; i < Runs; i++)
        {
            var p = await Measure(python, dir);
            var v = await Measure(verifyBig, dir);
            var t = await Measure(verifyTiny, dir);
            Console.WriteLine($"  run {i + 1}: python peer {p}, verify {v}, verify tiny {t}");
            (bestPython, bestVerify, bestTiny) = (p.Best(bestPython), v.Best(bestVerify), t.Best(bestTiny));
        }

        var ratio = bestVerify.WallSeconds / bestPython.WallSeconds;
        var extraMib = (bestVerify.PeakKb - bestTiny.PeakKb) / 1024.0;
        Console.WriteLine($"wall: python peer {bestPython.WallSeconds:0.000} s, verify {bestVerify.WallSeconds:0.000} s, ratio {ratio:0.00}x (target <= {TimeTarget:0.00}x): {(ratio <= TimeTarget ? "MET" : "MISSED")}");
        Console.WriteLine($"peak memory: verify {bestVerify.PeakKb / 1024.0:0} MiB, tiny {bestTiny.PeakKb / 1024.0:0} MiB, +{extraMib:0} MiB (target <= +{MemoryTargetMib:0} MiB): {(extraMib <= MemoryTargetMib ? "MET" : "MISSED")}");
        await AuditThroughput(libraries);
        return 0;
    }

    /// <summary>The audit alone, one binary after another on one thread: MB of decoded code per second per core.</summary>
    private static async Task AuditThroughput(IReadOnlyList<string> libraries)
    {
        long code = 0, instructions = 0;
        var watch = Stopwatch.StartNew();
        foreach (var library in libraries)
        {
            var binary = await NativeFileReader.ReadAsync(library, Path.GetFileName(library), CancellationToken.None);
            foreach (var isa in binary?.Slices.Select(s => s.Isa).OfType<IsaUsage>() ?? [])
            {
                code += isa.CodeBytes;
                instructions += isa.Instructions;
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"audit: {code / 1e6:0} MB of code, {instructions / 1e6:0} M instructions in {seconds:0.00} s on one core: {code / 1e6 / seconds:0} MB/s per core (headers, hashing of nothing, decode)");
    }

    private static async Task<Measured> Measure(string[] argv, string dir)
    {
        var timing = Path.Combine(dir, "time.txt");
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %M %U %S", "-o", timing, .. argv])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["GITHUB_ACTIONS"] = null;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // Verify's own verdict (exit 8, findings) is not the benchmark's business; a crash or bad usage is.
        if (process.ExitCode is not (0 or 8))
        {
            throw new InvalidOperationException($"{string.Join(' ', argv)} failed ({process.ExitCode}): {(await output)[^Math.Min(2000, (await output).Length)..]}{await error}");
        }

        var f = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new Measured(D(0), long.Parse(f[1], CultureInfo.InvariantCulture), D(2) + D(3));
    }

    /// <summary>What an installer does to trust a wheel, single-threaded: every RECORD row hashed as it inflates.</summary>
    private const string PythonPeer = """
        import base64, csv, hashlib, io, sys, zipfile
        bad = 0
        with zipfile.ZipFile(sys.argv[1]) as wheel:
            record = next(n for n in wheel.namelist() if n.endswith(".dist-info/RECORD"))
            for path, digest, size in csv.reader(io.TextIOWrapper(wheel.open(record), "utf-8")):
                if not digest:
                    continue
                algorithm, _, expected = digest.partition("=")
                h = hashlib.new(algorithm)
                with wheel.open(path) as member:
                    while chunk := member.read(1 << 20):
                        h.update(chunk)
                bad += base64.urlsafe_b64encode(h.digest()).rstrip(b"=").decode() != expected
        sys.exit(1 if bad else 0)
        """;

    private sealed record Measured(double WallSeconds, long PeakKb, double CpuSeconds)
    {
        public static Measured Worst { get; } = new(double.MaxValue, long.MaxValue, double.MaxValue);

        public Measured Best(Measured other) => new(Math.Min(WallSeconds, other.WallSeconds), Math.Min(PeakKb, other.PeakKb), Math.Min(CpuSeconds, other.CpuSeconds));

        public override string ToString() => $"{WallSeconds:0.000} s wall, {CpuSeconds:0.00} s cpu, {PeakKb / 1024.0:0} MiB peak";
    }
}
