using Tfwheel.Platforms;

namespace Tfwheel.Doctor;

/// <summary>
/// Every host fact Doctor needs, behind one seam so tests can present a Mac (or a Mac running the wrong
/// Python) on a Linux CI machine. The real one is <see cref="SystemHostProbe"/>.
/// </summary>
public interface IHostProbe
{
    /// <summary>The OS and CPU of this process, as wheel tags spell them.</summary>
    HostPlatform Platform { get; }

    /// <summary>"macOS 14.5", "Debian GNU/Linux 12": for people.</summary>
    string OsDescription { get; }

    /// <summary>macOS: whether the CPU is Apple silicon even when this process is translated (hw.optional.arm64).</summary>
    Task<bool> HardwareIsArm64Async(CancellationToken ct);

    /// <summary>macOS: whether this process runs under Rosetta (sysctl.proc_translated = 1); null elsewhere.</summary>
    Task<bool?> ProcessIsTranslatedAsync(CancellationToken ct);

    /// <summary>macOS: the active developer directory (xcode-select -p), or null when the tools are missing.</summary>
    Task<string?> XcodeDeveloperDirAsync(CancellationToken ct);

    /// <summary>What `EXECUTABLE --version` printed, or null when it cannot be run.</summary>
    Task<string?> ToolVersionAsync(string executable, CancellationToken ct);

    /// <summary>The interpreter's own view of itself, or null when it cannot be run.</summary>
    Task<PythonFacts?> PythonAsync(string executable, CancellationToken ct);

    /// <summary>Free bytes on the volume holding <paramref name="path"/>.</summary>
    long FreeDiskBytes(string path);

    long TotalMemoryBytes { get; }

    /// <summary>
    /// What the OS says about this CPU's instruction-set features, for <see cref="HostCpu.Parse"/>: Linux /proc/cpuinfo,
    /// macOS `sysctl hw.optional` and `sysctl machdep.cpu` feature lines; null when it cannot be read.
    /// </summary>
    Task<string?> CpuFeaturesTextAsync(CancellationToken ct);

    /// <summary>Whether a file or folder exists (the paths TF's release configs hard-code).</summary>
    bool PathExists(string path) => File.Exists(path) || Directory.Exists(path);
}
