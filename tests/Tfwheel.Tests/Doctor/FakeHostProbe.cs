using Tfwheel.Doctor;
using Tfwheel.Platforms;

namespace Tfwheel.Tests.Doctor;

/// <summary>Presents a host that is not this one (a Mac, a Mac with the wrong Python) to Doctor's checks.</summary>
internal sealed record FakeHostProbe : IHostProbe
{
    public HostPlatform Platform { get; init; } = new("macos", "arm64");

    public string OsDescription { get; init; } = "macOS 14.5";

    public bool HardwareArm64 { get; init; } = true;

    public bool? Translated { get; init; } = false;

    public string? Xcode { get; init; } = "/Library/Developer/CommandLineTools";

    public string? Bazel { get; init; } = "bazel 7.4.1";

    public Dictionary<string, PythonFacts> Pythons { get; init; } = new()
    {
        ["python3"] = Python("/opt/homebrew/bin/python3", "arm64"),
        ["python3.12"] = Python("/opt/homebrew/bin/python3.12", "arm64"),
    };

    public long FreeBytes { get; init; } = 200L << 30;

    public long TotalMemoryBytes { get; init; } = 32L << 30;

    public Task<bool> HardwareIsArm64Async(CancellationToken ct) => Task.FromResult(HardwareArm64);

    public Task<bool?> ProcessIsTranslatedAsync(CancellationToken ct) => Task.FromResult(Translated);

    public Task<string?> XcodeDeveloperDirAsync(CancellationToken ct) => Task.FromResult(Xcode);

    public Task<string?> ToolVersionAsync(string executable, CancellationToken ct) => Task.FromResult(Bazel);

    public Task<PythonFacts?> PythonAsync(string executable, CancellationToken ct) =>
        Task.FromResult(Pythons.TryGetValue(executable, out var p) ? p : null);

    public long FreeDiskBytes(string path) => FreeBytes;

    /// <summary>What the pretend OS says about its CPU (cpuinfo or sysctl text), or null.</summary>
    public string? CpuFeaturesText { get; init; }

    /// <summary>How many times the CPU features were asked for.</summary>
    public int CpuFeatureReads { get; private set; }

    public Task<string?> CpuFeaturesTextAsync(CancellationToken ct)
    {
        CpuFeatureReads++;
        return Task.FromResult(CpuFeaturesText);
    }

    /// <summary>The files and folders that exist on this pretend host (none by default).</summary>
    public IReadOnlySet<string> ExistingPaths { get; init; } = new HashSet<string>();

    public bool PathExists(string path) => ExistingPaths.Contains(path);

    /// <summary>A Python on an Apple-silicon Mac; an x86_64 one runs under Rosetta.</summary>
    public static PythonFacts Python(string executable, string machine) =>
        new(executable, "3.12.4", "Darwin", machine, Translated: machine == "x86_64" ? 1 : 0, HardwareArm64: 1, Tensorflow: null, TensorflowVersion: null, MacosVersion: "14.5");
}
