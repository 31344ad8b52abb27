using Tfwheel.Errors;

namespace Tfwheel.Smoke;

/// <summary>
/// Turns the requested workload names and paths into the files Smoke runs. Built-in workloads are the
/// .py files in build/Smoke/workloads/, copied next to the tfwheel binary; each is named after its file.
/// </summary>
public static class WorkloadCatalog
{
    /// <summary>In run order: build-info first, so a wrong-architecture interpreter shows before anything crashes.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["build-info", "add", "matmul", "trig", "conv2d", "mlir-pipeline", "xla-jit"];

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Smoke", "workloads");

    /// <summary>
    /// Resolves <paramref name="requested"/> (empty = every built-in). The built-in mlir-pipeline gets
    /// <c>--pipeline</c> and build-info gets <c>--expect-arch</c> (when the wheel's arch is known);
    /// a recipe's own files get no arguments.
    /// </summary>
    /// <exception cref="UsageException">An unknown name, or a file that does not exist or is not a .py file.</exception>
    public static IReadOnlyList<Workload> Resolve(IReadOnlyList<string> requested, string passPipeline, string? wheelArch, string? directory = null)
    {
        directory ??= DefaultDirectory;
        var names = requested.Count == 0 ? BuiltIn : requested;
        return names.Distinct(StringComparer.Ordinal).Select(n => Resolve(n, passPipeline, wheelArch, directory)).ToList();
    }

    private static Workload Resolve(string requested, string passPipeline, string? wheelArch, string directory)
    {
        if (IsPath(requested))
        {
            var path = Path.GetFullPath(requested);
            if (!path.EndsWith(".py", StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new UsageException(
                    $"smoke workload '{requested}' is not an existing .py file: give a built-in name ({string.Join(", ", BuiltIn)}) or the path of a Python file");
            }

            return new Workload(Path.GetFileNameWithoutExtension(path), path, []);
        }

        if (!BuiltIn.Contains(requested, StringComparer.Ordinal))
        {
            throw new UsageException(
                $"unknown smoke workload '{requested}': the built-in workloads are {string.Join(", ", BuiltIn)}; a workload of your own is given by the path of its .py file");
        }

        var script = Path.Combine(directory, requested + ".py");
        if (!File.Exists(script))
        {
            throw new UsageException(
                $"built-in smoke workload '{requested}' is missing: {script} does not exist. Rebuild tfwheel (build/Build.csproj copies build/Smoke/workloads/*.py next to the binary)");
        }

        IReadOnlyList<string> arguments = requested switch
        {
            "mlir-pipeline" => ["--pipeline", passPipeline],
            "build-info" when wheelArch is not null => ["--expect-arch", wheelArch],
            _ => [],
        };
        return new Workload(requested, script, arguments);
    }

    private static bool IsPath(string requested) =>
        requested.EndsWith(".py", StringComparison.Ordinal) || requested.Contains('/') || requested.Contains(Path.DirectorySeparatorChar);
}

/// <summary>A resolved workload: the .py file Smoke runs and the arguments it passes (the wheel's arch, the pass pipeline).</summary>
public sealed record Workload(string Name, string ScriptPath, IReadOnlyList<string> Arguments);
