using Cake.Core.Diagnostics;
using Tfwheel.Processes;
using Tfwheel.Reporting;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Doctor;

/// <summary>
/// Doctor --python=PATH: asks that interpreter where its tensorflow package lives (without importing
/// it: an x86_64 TensorFlow under Rosetta would crash the probe), what it runs as and whether Rosetta
/// translates it, then reads every native binary in the package the way Verify reads a wheel.
/// </summary>
public static class InstalledTensorflowDoctor
{
    /// <exception cref="HostException">The interpreter cannot be run or does not answer the probe.</exception>
    public static Task<InstalledTensorflowReport> InspectAsync(string pythonPath, IProcessGateway gateway, ICakeLog log, CancellationToken cancellation) =>
        InspectAsync(pythonPath, new SystemHostProbe(gateway), gateway, log, cancellation);

    /// <param name="host">Where this machine's CPU features are read (<see cref="IHostProbe.CpuFeaturesTextAsync"/>).</param>
    /// <exception cref="HostException">The interpreter cannot be run or does not answer the probe.</exception>
    public static async Task<InstalledTensorflowReport> InspectAsync(string pythonPath, IHostProbe host, IProcessGateway gateway, ICakeLog log, CancellationToken cancellation)
    {
        log.VerboseText($"+ {pythonPath} -c <probe: tensorflow location, platform.machine(), sysctl.proc_translated>");
        var python = await PythonProbe.AskAsync(pythonPath, gateway, cancellation);
        log.InfoText($"Python {python.Version} at {python.Executable}: {python.Machine}{(python.UnderRosetta ? " under Rosetta 2" : "")}, tensorflow: {python.Tensorflow ?? "not installed"}");
        var binaries = new List<NativeBinary>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        if (python.Tensorflow is { } package && Directory.Exists(package))
        {
            var root = Path.GetDirectoryName(Path.GetFullPath(package))!;
            foreach (var file in Directory.EnumerateFiles(package, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                files.Add(relative);
                if (await NativeFileReader.ReadAsync(file, relative, cancellation) is { } binary)
                {
                    binaries.Add(binary);
                }
            }

            log.VerboseText($"Read {files.Count} files under {package}: {binaries.Count} native binaries.");
        }

        // This machine's CPU matters only for a TensorFlow this Python loads natively: a translated one is judged
        // against Rosetta's CPU (InstalledTensorflowDiagnosis), and without TensorFlow there is nothing to judge.
        HostCpu? cpu = null;
        if (python.Tensorflow is null)
        {
            log.VerboseText("CPU features: not read (no TensorFlow to judge)");
        }
        else if (python.RunsTranslated)
        {
            log.VerboseText("CPU features: Rosetta 2's, not this machine's (this Python is translated)");
        }
        else
        {
            var source = host.Platform.Os == "macos" ? "sysctl hw.optional" : "/proc/cpuinfo";
            cpu = await host.CpuFeaturesTextAsync(cancellation) is { } text ? HostCpu.Parse(text, python.Machine, source) : null;
            log.VerboseText(cpu is null ? $"CPU features: unknown ({source} unreadable)" : $"CPU features ({source}): {string.Join(" ", cpu.Family.Describe(cpu.Features))}");
        }

        return InstalledTensorflowDiagnosis.Diagnose(python, binaries, files, cpu);
    }
}
