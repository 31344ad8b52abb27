using Tfwheel.Recipes;

namespace Tfwheel.Smoke;

/// <summary>Everything one smoke run needs, resolved by the caller (the Smoke task, or a test).</summary>
/// <param name="Wheel">The wheel to install.</param>
/// <param name="Python">The interpreter that makes the venv: a command on PATH ("python3.12") or a path (see <see cref="PythonExecutable"/>).</param>
/// <param name="Workloads">Built-in names (add, matmul, ...) or paths of .py files; empty means every built-in workload.</param>
/// <param name="ArtifactsDirectory">artifacts/&lt;recipe&gt;/: MLIR reproducers and graph dumps go below it.</param>
public sealed record SmokeRequest(string Wheel, string Python, IReadOnlyList<string> Workloads, string ArtifactsDirectory)
{
    /// <summary>Per workload; after it the workload's whole process tree is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Extra arguments for <c>pip install</c>, before the wheel (smoke.pip-args).</summary>
    public IReadOnlyList<string> PipArgs { get; init; } = [];

    public MlirSettings Mlir { get; init; } = new();

    /// <summary>The wheel's architecture (arm64, x86_64, aarch64); null reads it from the wheel's platform tag.</summary>
    public string? TargetArch { get; init; }

    /// <summary>Make the venv with --system-site-packages (offline machines that provide numpy from the OS).</summary>
    public bool SystemSitePackages { get; init; }

    /// <summary>Where built-in workloads live; null is the copy next to the tfwheel binary.</summary>
    public string? WorkloadDirectory { get; init; }

    /// <summary>The request a recipe implies for <paramref name="wheel"/>.</summary>
    public static SmokeRequest For(Recipe recipe, string wheel, string artifactsDirectory) =>
        new(wheel, PythonExecutable(recipe.Python), recipe.Smoke.Workloads, artifactsDirectory)
        {
            Timeout = TimeSpan.FromSeconds(recipe.Smoke.TimeoutSeconds),
            PipArgs = recipe.Smoke.PipArgs,
            Mlir = recipe.Mlir,
            TargetArch = recipe.Target.ArchTag,
        };

    /// <summary>"3.12" -> "python3.12" (the recipe's version); a path or a command name is used as given.</summary>
    public static string PythonExecutable(string versionOrPath) =>
        versionOrPath.Length > 0 && versionOrPath.All(c => char.IsAsciiDigit(c) || c == '.') ? "python" + versionOrPath : versionOrPath;
}
