using System.Collections.Immutable;
using Tfwheel.Recipes;

namespace Tfwheel.Smoke;

/// <summary>
/// The environment variables the workloads run under, from the recipe's <c>mlir</c> section. The names
/// and meanings are TensorFlow's: TF_XLA_FLAGS is parsed by tensorflow/compiler/jit/flags.cc;
/// MLIR_CRASH_REPRODUCER_DIRECTORY and TF_DUMP_GRAPH_PREFIX are read by
/// tensorflow/compiler/mlir/tensorflow/utils/dump_mlir_util.cc.
/// </summary>
public static class SmokeEnvironment
{
    public const string XlaFlags = "TF_XLA_FLAGS";
    public const string CrashReproducerDirectory = "MLIR_CRASH_REPRODUCER_DIRECTORY";
    public const string DumpGraphPrefix = "TF_DUMP_GRAPH_PREFIX";

    /// <summary>The variables Smoke owns: those not set by <see cref="For"/> are removed from the inherited environment.</summary>
    public static IReadOnlyList<string> Managed { get; } = [XlaFlags, CrashReproducerDirectory, DumpGraphPrefix];

    public static string ReproducerDirectory(string artifactsDirectory) => Path.Combine(artifactsDirectory, "mlir-reproducers");

    public static string DumpDirectory(string artifactsDirectory) => Path.Combine(artifactsDirectory, "mlir-dumps");

    /// <summary>The variables to set, sorted by name; what Plan prints is what the workloads get.</summary>
    public static IReadOnlyDictionary<string, string> For(MlirSettings mlir, string artifactsDirectory)
    {
        var env = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var flags = new List<string>();
        if (mlir.Bridge != MlirBridge.Default)
        {
            flags.Add("--tf_mlir_enable_mlir_bridge=" + (mlir.Bridge == MlirBridge.Enabled ? "true" : "false"));
        }

        flags.AddRange(mlir.XlaFlags);
        if (flags.Count > 0)
        {
            env[XlaFlags] = string.Join(' ', flags);
        }

        if (mlir.CrashReproducers)
        {
            env[CrashReproducerDirectory] = ReproducerDirectory(artifactsDirectory);
        }

        if (mlir.DumpGraphs)
        {
            env[DumpGraphPrefix] = DumpDirectory(artifactsDirectory);
        }

        return env.ToImmutable();
    }
}
