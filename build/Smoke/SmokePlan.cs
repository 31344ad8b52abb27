using System.Collections.Immutable;
using Tfwheel.Planning;

namespace Tfwheel.Smoke;

/// <summary>
/// The commands a smoke run executes, as pure functions of the request: Plan prints
/// <see cref="Steps"/>, and <see cref="SmokeRunner"/> runs the same argv lists.
/// </summary>
public static class SmokePlan
{
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

    /// <summary>What Plan shows for a smoke run; <paramref name="venv"/> is the temporary venv folder (a placeholder in Plan).</summary>
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
