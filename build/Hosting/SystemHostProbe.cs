using System.Runtime.InteropServices;
using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Processes;

namespace Tfwheel.Hosting;

/// <summary>The real host, asked through the process gateway (sysctl, xcode-select, bazel, python).</summary>
public sealed class SystemHostProbe(IProcessGateway processes) : IHostProbe
{
    // Asks the interpreter itself, so a Python running under Rosetta reports x86_64 and translated=true
    // (sysctl.proc_translated is per process: asking sysctl(8) would describe sysctl, not Python).
    internal const string PythonScript = """
        import json, platform, sys
        translated = None
        if sys.platform == "darwin":
            import ctypes, ctypes.util
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
            value, size = ctypes.c_int(0), ctypes.c_size_t(4)
            translated = libc.sysctlbyname(b"sysctl.proc_translated", ctypes.byref(value), ctypes.byref(size), None, 0) == 0 and value.value == 1
        print(json.dumps({"executable": sys.executable, "version": platform.python_version(), "machine": platform.machine(), "translated": translated}))
        """;

    public HostPlatform Platform { get; } = HostPlatform.Current;

    public string OsDescription => RuntimeInformation.OSDescription;

    public long TotalMemoryBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public async Task<bool> HardwareIsArm64Async(CancellationToken ct) =>
        Platform.Os == "macos" ? (await OutputAsync("sysctl", ["-n", "hw.optional.arm64"], ct))?.Trim() == "1" : Platform.Arch is "arm64" or "aarch64";

    public async Task<bool?> ProcessIsTranslatedAsync(CancellationToken ct) =>
        Platform.Os != "macos" ? null : RuntimeInformation.ProcessArchitecture == Architecture.X64 && await HardwareIsArm64Async(ct);

    public async Task<string?> XcodeDeveloperDirAsync(CancellationToken ct) =>
        (await OutputAsync("xcode-select", ["-p"], ct))?.Trim() is { Length: > 0 } dir ? dir : null;

    public Task<string?> ToolVersionAsync(string executable, CancellationToken ct) => OutputAsync(executable, ["--version"], ct);

    public async Task<PythonFacts?> PythonAsync(string executable, CancellationToken ct)
    {
        var json = await OutputAsync(executable, ["-c", PythonScript], ct);
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json.Trim().Split('\n')[^1]);
        var root = doc.RootElement;
        bool? translated = root.GetProperty("translated").ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        return new PythonFacts(root.GetProperty("executable").GetString() ?? executable, root.GetProperty("version").GetString() ?? "?",
            root.GetProperty("machine").GetString() ?? "?", translated);
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
