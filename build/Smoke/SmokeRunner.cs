using System.Collections.Immutable;
using System.Diagnostics;
using Cake.Core.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Reporting;

namespace Tfwheel.Smoke;

/// <summary>
/// Installs a wheel into a fresh venv the way a user would and runs each workload in its own process
/// with a timeout, then classifies what happened. Runs exactly the argv lists <see cref="SmokePlan"/> builds.
/// </summary>
public sealed class SmokeRunner(IProcessGateway processes, ICakeLog log, HostPlatform host)
{
    private static readonly TimeSpan VenvTimeout = TimeSpan.FromMinutes(5);

    // A TensorFlow wheel is large and pulls dozens of dependencies.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Runs every workload and returns the report; a failing workload is reported, not thrown.</summary>
    /// <exception cref="UsageException">The wheel does not exist, or a workload name or path is wrong.</exception>
    /// <exception cref="StepFailedException">The venv could not be made or the wheel could not be installed (exit code Smoke).</exception>
    /// <exception cref="HostException">The Python interpreter was not found.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the running workload is stopped first.</exception>
    public async Task<SmokeReport> RunAsync(SmokeRequest request, CancellationToken cancellation = default)
    {
        if (!File.Exists(request.Wheel))
        {
            throw new UsageException($"smoke: the wheel {request.Wheel} does not exist. Build it first (--target=Compile) or pass --wheel=PATH");
        }

        var arch = SmokePlan.WheelArch(request);
        var workloads = SmokePlan.Workloads(request);
        var env = SmokeEnvironment.For(request.Mlir, request.ArtifactsDirectory);
        var report = new SmokeReport(Path.GetFullPath(request.Wheel), request.Python, arch, host, [])
        {
            Environment = env,
            StartedAt = DateTimeOffset.UtcNow,
            WheelSha256 = Hashing.Sha256File(request.Wheel),
        };
        var watch = Stopwatch.StartNew();

        if ((WheelPlatform.FromFileName(request.Wheel) with { Arch = arch }).WhyNotRunnableOn(host) is { } reason)
        {
            log.WarningText($"smoke: skipped: {reason}");
            var skipped = workloads.Select(w => new WorkloadResult(w.Name, SmokeOutcome.Skipped, TimeSpan.Zero, reason)).ToList();
            return report with { Workloads = skipped, Duration = watch.Elapsed };
        }

        var outputs = env.Where(kv => kv.Key != SmokeEnvironment.XlaFlags).Select(kv => kv.Value).ToList();
        outputs.ForEach(d => Directory.CreateDirectory(d));
        var venv = Directory.CreateTempSubdirectory("tfwheel-smoke-").FullName;
        try
        {
            var processEnv = ProcessEnvironment(env);
            await SetUpAsync(SmokePlan.CreateVenv(request, venv), VenvTimeout, processEnv,
                "Install Python's venv module (Debian: apt-get install python3-venv) or pass --python=PATH", cancellation);
            await SetUpAsync(SmokePlan.InstallWheel(request, venv), InstallTimeout, processEnv,
                "Check smoke.pip-args: an offline machine needs --no-index --find-links DIR holding the wheel's dependencies", cancellation);

            var results = new List<WorkloadResult>();
            foreach (var workload in workloads)
            {
                var before = Snapshot(outputs);
                var argv = SmokePlan.RunWorkload(venv, workload);
                // Cancelled (Ctrl-C, SIGTERM): the workload's whole tree dies at once, as on timeout; nothing may keep
                // running from the venv that is deleted next.
                var spec = new ProcessSpec(argv[0], argv.Skip(1).ToList()) { Environment = processEnv, Timeout = request.Timeout, GracePeriod = TimeSpan.Zero };
                var result = WorkloadClassifier.Classify(workload.Name, await processes.RunAsync(spec, cancellation: cancellation), host);
                result = result with { Artifacts = Snapshot(outputs).Except(before).Order(StringComparer.Ordinal).ToList() };
                log.InfoText($"smoke: {workload.Name}: {SmokeReport.Describe(result.Outcome)} ({result.Duration.TotalSeconds:0.0} s) {result.Note}");
                results.Add(result);
            }

            return report with { Workloads = results, Duration = watch.Elapsed };
        }
        finally
        {
            TryDelete(venv);
        }
    }

    /// <summary>Sets Smoke's variables and removes the ones it leaves unset, plus PYTHONPATH/PYTHONHOME, so nothing but the venv is imported.</summary>
    private static IReadOnlyDictionary<string, string?> ProcessEnvironment(IReadOnlyDictionary<string, string> env)
    {
        var all = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var name in SmokeEnvironment.Managed.Append("PYTHONPATH").Append("PYTHONHOME"))
        {
            all[name] = null;
        }

        foreach (var (name, value) in env)
        {
            all[name] = value;
        }

        return all.ToImmutable();
    }

    private async Task SetUpAsync(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string?> env, string remedy, CancellationToken cancellation)
    {
        var spec = new ProcessSpec(argv[0], argv.Skip(1).ToList()) { Environment = env, Timeout = timeout, GracePeriod = TimeSpan.Zero };
        var result = await processes.RunAsync(spec, cancellation: cancellation);
        if (result.Succeeded)
        {
            return;
        }

        var why = result.TimedOut ? $"did not finish within {timeout.TotalMinutes:0} min" : $"exited with code {result.ExitCode}";
        var tail = result.StandardErrorTail.Count > 0 ? result.StandardErrorTail : result.StandardOutputTail;
        var lines = string.Join(System.Environment.NewLine, tail.Skip(Math.Max(0, tail.Count - 15)).Select(l => "  | " + l));
        throw new StepFailedException(
            $"smoke: {CommandLine.Format(spec)} {why}:{System.Environment.NewLine}{lines}{System.Environment.NewLine}{remedy}", ExitCodes.Smoke);
    }

    private static HashSet<string> Snapshot(IEnumerable<string> directories) =>
        directories.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .ToHashSet(StringComparer.Ordinal);

    private void TryDelete(string venv)
    {
        try
        {
            Directory.Delete(venv, recursive: true);
        }
        catch (IOException e)
        {
            log.WarningText($"smoke: could not remove the temporary venv {venv}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            log.WarningText($"smoke: could not remove the temporary venv {venv}: {e.Message}");
        }
    }
}
