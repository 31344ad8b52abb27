using System.Collections.Immutable;
using Tfwheel.Platforms;
using Tfwheel.Processes;

namespace Tfwheel.Smoke;

/// <summary>
/// The commands a smoke run executes, as pure functions of the request: Plan prints
/// <see cref="Steps"/>, and <see cref="SmokeRunner"/> runs the same argv lists.
/// </summary>
public static class SmokePlan
{
    /// <summary>What Plan shows for the venv folder: the runner makes a new one under the system temp folder each run.</summary>
    public const string VenvPlaceholder = "$TMPDIR/tfwheel-smoke-XXXXXX";

    /// <summary>The interpreter inside a venv (POSIX layout; tfwheel builds for macOS and Linux).</summary>
    public static string VenvPython(string venv) => Path.Combine(venv, "bin", "python");

    public static IReadOnlyList<string> CreateVenv(SmokeRequest request, string venv) =>
        request.SystemSitePackages
            ? [request.Python, "-m", "venv", "--system-site-packages", venv]
            : [request.Python, "-m", "venv", venv];

    public static IReadOnlyList<string> InstallWheel(SmokeRequest request, string venv) =>
        [VenvPython(venv), "-m", "pip", "install", "--disable-pip-version-check", "--no-input", .. request.PipArgs, request.Wheel];

    /// <summary>
    /// -X faulthandler makes a crashing interpreter print the Python stack on SIGSEGV/SIGILL/SIGABRT/SIGBUS
    /// and then re-raise the signal, so the exit still says which signal; -u keeps the result line even when
    /// the process dies right after printing it.
    /// </summary>
    public static IReadOnlyList<string> RunWorkload(string venv, Workload workload) =>
        [VenvPython(venv), "-X", "faulthandler", "-u", workload.ScriptPath, .. workload.Arguments];

    /// <summary>The wheel's architecture: the request's (the recipe's target.arch), else the wheel file name's platform tag.</summary>
    public static string? WheelArch(SmokeRequest request) => request.TargetArch ?? WheelPlatform.FromFileName(request.Wheel).Arch;

    /// <summary>The workloads the runner will run, with their arguments.</summary>
    /// <exception cref="Errors.UsageException">An unknown workload name or a missing file.</exception>
    public static IReadOnlyList<Workload> Workloads(SmokeRequest request) =>
        WorkloadCatalog.Resolve(request.Workloads, request.Mlir.PassPipeline, WheelArch(request), request.WorkloadDirectory);

    /// <summary>What Plan shows for a smoke run (venv defaults to <see cref="VenvPlaceholder"/>).</summary>
    public static IReadOnlyList<PlannedStep> Steps(SmokeRequest request, string venv = VenvPlaceholder) => Steps(request, venv, Workloads(request));

    /// <summary>What Plan shows for a smoke run of <paramref name="workloads"/> in the venv <paramref name="venv"/>.</summary>
    public static IReadOnlyList<PlannedStep> Steps(SmokeRequest request, string venv, IReadOnlyList<Workload> workloads)
    {
        var env = SmokeEnvironment.For(request.Mlir, request.ArtifactsDirectory).ToImmutableSortedDictionary(StringComparer.Ordinal);
        var steps = new List<PlannedStep>
        {
            new("smoke", "create a fresh virtual environment outside the source tree") { Argv = CreateVenv(request, venv) },
            new("smoke", "install the wheel the way a user would") { Argv = InstallWheel(request, venv) },
        };
        steps.AddRange(workloads.Select(w => new PlannedStep(
            "smoke",
            $"workload {w.Name} in its own process, killed after {request.Timeout.TotalSeconds:0} s")
        {
            Argv = RunWorkload(venv, w),
            Env = env,
        }));
        return steps;
    }
}
