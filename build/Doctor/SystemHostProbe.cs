using System.Runtime.InteropServices;
using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Processes;

namespace Tfwheel.Doctor;

/// <summary>The real host, asked through the process gateway (sysctl, xcode-select, bazel, python).</summary>
public sealed class SystemHostProbe(IProcessGateway processes) : IHostProbe
{
    public HostPlatform Platform { get; } = HostPlatform.Current;

    public string OsDescription => RuntimeInformation.OSDescription;

    public long TotalMemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Linux: the file read for the CPU's features (tests point it at a made-up one).</summary>
    public string CpuInfoPath { get; init; } = "/proc/cpuinfo";

    public async Task<string?> CpuFeaturesTextAsync(CancellationToken ct)
    {
        if (Platform.Os == "macos")
        {
            // machdep.cpu.* exists on Intel Macs only; asked apart so its absence cannot hide hw.optional.
            var optional = await OutputAsync("sysctl", ["hw.optional"], ct);
            var machdep = await OutputAsync("sysctl", ["machdep.cpu.features", "machdep.cpu.leaf7_features", "machdep.cpu.extfeatures"], ct);
            return optional is null && machdep is null ? null : optional + "\n" + machdep;
        }

        try
        {
            // /proc files report length 0: read a bounded prefix (the first processor's block is enough).
            await using var stream = new FileStream(CpuInfoPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var buffer = new char[HostCpu.MaxText];
            using var reader = new StreamReader(stream);
            var n = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            return new string(buffer, 0, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async Task<bool> HardwareIsArm64Async(CancellationToken ct) =>
        Platform.Os == "macos" ? (await OutputAsync("sysctl", ["-n", "hw.optional.arm64"], ct))?.Trim() == "1" : Platform.Arch is "arm64" or "aarch64";

    public async Task<bool?> ProcessIsTranslatedAsync(CancellationToken ct) =>
        Platform.Os != "macos" ? null : RuntimeInformation.ProcessArchitecture == Architecture.X64 && await HardwareIsArm64Async(ct);

    public async Task<string?> XcodeDeveloperDirAsync(CancellationToken ct) =>
        (await OutputAsync("xcode-select", ["-p"], ct))?.Trim() is { Length: > 0 } dir ? dir : null;

    public Task<string?> ToolVersionAsync(string executable, CancellationToken ct) => OutputAsync(executable, ["--version"], ct);

    public async Task<PythonFacts?> PythonAsync(string executable, CancellationToken ct)
    {
        try
        {
            return await PythonProbe.AskAsync(executable, processes, ct);
        }
        catch (HostException)
        {
            return null;
        }
    }

    public long FreeDiskBytes(string path)
    {
        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        return new DriveInfo(existing).AvailableFreeSpace;
    }

    private async Task<string?> OutputAsync(string executable, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        try
        {
            var spec = new ProcessSpec(executable, arguments) { Echo = false, StreamOutput = false, Timeout = TimeSpan.FromSeconds(60) };
            var result = await processes.RunAsync(spec, cancellation: ct);
            return result.Succeeded ? result.StandardOutput : null;
        }
        catch (HostException)
        {
            return null;
        }
    }
}
