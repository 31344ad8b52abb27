namespace Tfwheel.Recipes;

/// <summary>MLIR runtime settings the smoke workloads run under (recipe section <c>mlir</c>).</summary>
public sealed record MlirSettings
{
    public MlirBridge Bridge { get; init; } = MlirBridge.Default;

    /// <summary>Extra TF_XLA_FLAGS, each starting with "--".</summary>
    public IReadOnlyList<string> XlaFlags { get; init; } = [];

    /// <summary>The pass pipeline the mlir-pipeline workload runs, relative to the module ("tf-standard-pipeline").</summary>
    public string PassPipeline { get; init; } = "tf-standard-pipeline";

    /// <summary>Set MLIR_CRASH_REPRODUCER_DIRECTORY so a crashing pass leaves a reproducer in artifacts.</summary>
    public bool CrashReproducers { get; init; } = true;

    /// <summary>Set TF_DUMP_GRAPH_PREFIX so the bridge dumps its graphs into artifacts.</summary>
    public bool DumpGraphs { get; init; }
}

/// <summary>Whether the MLIR bridge is forced on or off (--tf_mlir_enable_mlir_bridge), or left to TensorFlow.</summary>
public enum MlirBridge
{
    Default,
    Enabled,
    Disabled,
}
