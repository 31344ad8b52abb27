namespace Tfwheel.Wheels;

/// <summary>What an interpreter says about itself (see <see cref="InstalledTensorflowDoctor"/>'s probe).</summary>
/// <param name="System">platform.system(): "Darwin", "Linux".</param>
/// <param name="Machine">platform.machine(): the interpreter's architecture ("x86_64" under Rosetta).</param>
/// <param name="Translated">macOS sysctl.proc_translated: 1 under Rosetta 2, 0 native, null where it does not exist.</param>
/// <param name="HardwareArm64">macOS hw.optional.arm64: 1 on Apple silicon whatever the process's architecture.</param>
/// <param name="Tensorflow">The tensorflow package directory, found without importing it; null when not installed.</param>
public sealed record PythonFacts(
    string Executable, string Version, string System, string Machine, int? Translated, int? HardwareArm64,
    string? Tensorflow, string? TensorflowVersion)
{
    public bool IsMacos => System == "Darwin";

    public bool UnderRosetta => Translated == 1;

    /// <summary>The CPU underneath: arm64 on Apple silicon even when this Python is translated x86_64.</summary>
    public string HardwareArch => IsMacos && (HardwareArm64 == 1 || UnderRosetta) ? "arm64" : Machine;
}
