namespace Tfwheel.Recipes;

/// <summary>Whether the MLIR bridge is forced on or off (--tf_mlir_enable_mlir_bridge), or left to TensorFlow.</summary>
public enum MlirBridge
{
    Default,
    Enabled,
    Disabled,
}
