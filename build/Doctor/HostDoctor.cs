using Tfwheel.Compile;
using Tfwheel.Platforms;

namespace Tfwheel.Doctor;

/// <summary>
/// Checks whether this host can build the recipe's wheel, and above all whether anything on it would
/// produce or run the wrong-architecture binaries this project exists to prevent (an x86_64 Python or
/// .NET under Rosetta on an Apple-silicon Mac).
/// </summary>
public static class HostDoctor
{
    private const long GiB = 1L << 30;

    public static async Task<DoctorReport> ExamineAsync(IHostProbe probe, DoctorRequirements need, CancellationToken ct)
    {
        var checks = new List<DoctorCheck> { OsCheck(probe, need) };
        if (probe.Platform.Os == "macos")
        {
            checks.Add(await RosettaCheckAsync(probe, ct));
            checks.Add(await XcodeCheckAsync(probe, ct));
        }

        checks.AddRange(Doctor.ReleaseConfigCheck.Check(need.Configs, need.OverriddenEnv, probe.Platform.Os, probe.PathExists));
        checks.Add(BazelCheck(need, await probe.ToolVersionAsync(need.BazelExecutable, ct)));
        var hardwareArch = probe.Platform.Os == "macos" && await probe.HardwareIsArm64Async(ct) ? "arm64" : probe.Platform.Arch;
        checks.Add(PythonCheck(need.Python, await probe.PythonAsync(need.Python, ct), hardwareArch));
        foreach (var version in need.Python == "python3" ? need.PythonVersions : [])
        {
            checks.Add(SmokePythonCheck(version, await probe.PythonAsync("python" + version, ct)));
        }

        checks.Add(DiskCheck(need.WorkDirectory, probe.FreeDiskBytes(need.WorkDirectory)));
        checks.Add(MemoryCheck(probe.TotalMemoryBytes, need.LocalRamMb));
        return new DoctorReport(checks);
    }

    private static DoctorCheck OsCheck(IHostProbe probe, DoctorRequirements need)
    {
        var found = $"{probe.OsDescription} ({probe.Platform.Os}/{probe.Platform.Arch})";
        return need.TargetOs == TargetOs.Macos && probe.Platform.Os != "macos"
            ? new("os", DoctorStatus.Blocking, found,
                "the recipe builds a macOS wheel, which needs a Mac: an Apple-silicon Mac for arm64 (or a GitHub macos-14 runner); on this host build a Linux recipe, e.g. --recipe=linux-x86_64")
            : new("os", DoctorStatus.Ok, found);
    }

    private static async Task<DoctorCheck> RosettaCheckAsync(IHostProbe probe, CancellationToken ct) =>
        await probe.ProcessIsTranslatedAsync(ct) == true
            ? new("rosetta", DoctorStatus.Blocking, "tfwheel runs under Rosetta (an x86_64 .NET on an Apple-silicon Mac)",
                "install the arm64 .NET SDK and run again from a terminal not opened with 'Open using Rosetta'; tools started from a translated process may run translated too")
            : new("rosetta", DoctorStatus.Ok, "native (not translated)");

    private static async Task<DoctorCheck> XcodeCheckAsync(IHostProbe probe, CancellationToken ct) =>
        await probe.XcodeDeveloperDirAsync(ct) is { } dir
            ? new("xcode", DoctorStatus.Ok, dir)
            : new("xcode", DoctorStatus.Blocking, "no Xcode command line tools (xcode-select -p failed)", "run: xcode-select --install");

    internal static DoctorCheck BazelCheck(DoctorRequirements need, string? versionText)
    {
        if (versionText is null)
        {
            return new("bazel", DoctorStatus.Blocking, $"'{need.BazelExecutable}' not found on PATH",
                "install bazelisk (macOS: brew install bazelisk; Linux: the bazelisk release binary or npm's @bazel/bazelisk) or set BAZEL to a bazel binary");
        }

        var version = BazelVersion.Parse(versionText);
        if (version is null)
        {
            return new("bazel", DoctorStatus.Warning, versionText.Trim(),
                "this bazel does not report its version (a distribution build): make sure it matches the tree's .bazelversion");
        }

        return need.BazelVersion is { } wanted && !BazelVersion.Matches(version, wanted)
            ? new("bazel", DoctorStatus.Blocking, $"bazel {version}, the recipe wants {wanted}",
                $"use bazelisk (it reads .bazelversion) or install bazel {wanted}")
            : new("bazel", DoctorStatus.Ok, $"bazel {version}");
    }

    internal static DoctorCheck PythonCheck(string executable, PythonFacts? python, string hardwareArch)
    {
        if (python is null)
        {
            return new("python", DoctorStatus.Blocking, $"'{executable}' not found", "install Python 3 (on a Mac, the arm64 build from python.org or Homebrew in /opt/homebrew)");
        }

        var found = $"{python.Executable} {python.Version} ({python.Machine})";
        if (RosettaPython.Applies(python.Machine, hardwareArch))
        {
            return new("python", DoctorStatus.Blocking, found + ", running under Rosetta on an Apple-silicon Mac",
                $"{RosettaPython.Why(python.RunningMacos)}: {RosettaPython.Remedy}");
        }

        return HostPlatform.Normalize(python.Machine) != HostPlatform.Normalize(hardwareArch)
            ? new("python", DoctorStatus.Warning, found, $"this Python is built for {python.Machine} but the CPU is {hardwareArch}: wheels for it will not match the host")
            : new("python", DoctorStatus.Ok, found);
    }

    private static DoctorCheck SmokePythonCheck(string version, PythonFacts? python) =>
        python is null
            ? new("smoke-python", DoctorStatus.Warning, $"python{version} not found",
                $"Smoke makes its venv with python{version}; install it, or select the Pythons this machine has with --python=3.11,3.12 (or --python=PATH for one)")
            : new("smoke-python", DoctorStatus.Ok, $"{python.Executable} {python.Version} ({python.Machine})");

    internal static DoctorCheck DiskCheck(string path, long freeBytes)
    {
        var found = $"{freeBytes / (double)GiB:0.0} GiB free at {path}";
        const string why = "a TensorFlow build needs about 2 GiB of source and 30-60 GiB of Bazel output";
        return freeBytes switch
        {
            < 30 * GiB => new("disk", DoctorStatus.Blocking, found, $"{why}: free space or point --source-dir and the Bazel output base at a larger volume"),
            < 80 * GiB => new("disk", DoctorStatus.Warning, found, $"{why}: a full build may run out of space"),
            _ => new("disk", DoctorStatus.Ok, found),
        };
    }

    internal static DoctorCheck MemoryCheck(long totalBytes, long? localRamMb)
    {
        var found = $"{totalBytes / (double)GiB:0.0} GiB RAM";
        if (localRamMb is { } mb && mb * (1L << 20) > totalBytes)
        {
            return new("memory", DoctorStatus.Warning, found + $", recipe sets --local_ram_resources={mb}",
                "lower --local_ram_resources below the machine's RAM, or Bazel will overcommit and the build may be killed");
        }

        return totalBytes < 8 * GiB
            ? new("memory", DoctorStatus.Warning, found, "TensorFlow's C++ compiles need about 2 GiB per job: set bazel.jobs or --local_ram_resources lower")
            : new("memory", DoctorStatus.Ok, found);
    }
}

/// <summary>One line of Doctor's report: what was checked, what was found and, unless it is fine, what to do.</summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Found, string? Remedy = null);

/// <summary>A check's verdict. Blocking means a build on this host would fail or produce a wrong wheel.</summary>
public enum DoctorStatus
{
    Ok,
    Warning,
    Blocking,
}

/// <summary>All of Doctor's checks and the verdict: a host is ready when nothing blocks.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks)
{
    public bool Ready => Checks.All(c => c.Status != DoctorStatus.Blocking);
}
