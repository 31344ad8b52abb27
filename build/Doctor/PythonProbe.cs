using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Processes;

namespace Tfwheel.Doctor;

/// <summary>
/// Asks an interpreter about itself without importing anything heavy: its machine, whether Rosetta
/// translates it, the macOS it runs on, and where (if anywhere) its tensorflow package is. Doctor's host
/// checks and its installed-TensorFlow check both use it.
/// </summary>
public static class PythonProbe
{
    // sysctl.proc_translated: 1 when the calling process runs under Rosetta 2 (Apple, "About the Rosetta
    // translation environment"); hw.optional.arm64: 1 on Apple silicon. Both are absent on Intel Macs.
    internal const string Probe = """
        import importlib.util, json, platform, sys
        def sysctl(name):
            if platform.system() != "Darwin":
                return None
            import ctypes, ctypes.util
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
            value, size = ctypes.c_int(0), ctypes.c_size_t(4)
            ok = libc.sysctlbyname(name.encode(), ctypes.byref(value), ctypes.byref(size), None, ctypes.c_size_t(0))
            return value.value if ok == 0 else 0
        spec = importlib.util.find_spec("tensorflow")
        locations = list(spec.submodule_search_locations or []) if spec else []
        try:
            import importlib.metadata as md
            version = md.version("tensorflow")
        except Exception:
            version = None
        print(json.dumps({"executable": sys.executable, "version": platform.python_version(), "system": platform.system(),
            "machine": platform.machine(), "translated": sysctl("sysctl.proc_translated"), "hwArm64": sysctl("hw.optional.arm64"),
            "tensorflow": locations[0] if locations else None, "tensorflowVersion": version,
            "macosVersion": platform.mac_ver()[0] or None}))
        """;

    /// <exception cref="HostException">The interpreter cannot be run or does not answer.</exception>
    public static async Task<PythonFacts> AskAsync(string pythonPath, IProcessGateway gateway, CancellationToken cancellation)
    {
        // Run from the temp dir so a tensorflow/ folder in the current directory cannot shadow the installed one.
        var spec = new ProcessSpec(pythonPath, ["-c", Probe])
        {
            WorkingDirectory = Path.GetTempPath(),
            Timeout = TimeSpan.FromMinutes(1),
            StreamOutput = false,
            Echo = false,
        };
        var result = await gateway.RunAsync(spec, cancellation: cancellation);
        if (!result.Succeeded)
        {
            throw new HostException($"--python: {pythonPath} did not answer ({(result.TimedOut ? "timed out" : $"exit code {result.ExitCode}")}: {string.Join(" ", result.StandardErrorTail.TakeLast(3))}). Pass the path of a working python executable, e.g. /path/to/venv/bin/python.");
        }

        return ParseFacts(result.StandardOutput, pythonPath);
    }

    internal static PythonFacts ParseFacts(string json, string pythonPath)
    {
        try
        {
            var root = JsonDocument.Parse(json.Trim().Split('\n').Last()).RootElement;
            string? Str(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            int? Int(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
            return new PythonFacts(Str("executable") ?? pythonPath, Str("version") ?? "?", Str("system") ?? "?", Str("machine") ?? "?",
                Int("translated"), Int("hwArm64"), Str("tensorflow"), Str("tensorflowVersion"), Str("macosVersion"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new HostException($"--python: {pythonPath} answered the probe with something that is not its JSON ({e.Message}). Check that it is a CPython 3 interpreter.", e);
        }
    }
}
