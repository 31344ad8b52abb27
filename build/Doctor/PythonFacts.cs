namespace Tfwheel.Doctor;

/// <summary>What an interpreter says about itself (see <see cref="PythonProbe"/>).</summary>
/// <param name="System">platform.system(): "Darwin", "Linux".</param>
/// <param name="Machine">platform.machine(): the interpreter's architecture ("x86_64" under Rosetta).</param>
/// <param name="Translated">macOS sysctl.proc_translated: 1 under Rosetta 2, 0 native, null where it does not exist.</param>
/// <param name="HardwareArm64">macOS hw.optional.arm64: 1 on Apple silicon whatever the process's architecture.</param>
/// <param name="MacosVersion">platform.mac_ver()[0] on macOS ("14.5"), else null.</param>
/// <param name="Tensorflow">The tensorflow package directory, found without importing it; null when not installed.</param>
public sealed record PythonFacts(
    string Executable, string Version, string System, string Machine, int? Translated, int? HardwareArm64,
    string? Tensorflow, string? TensorflowVersion, string? MacosVersion = null)
{
    public bool IsMacos => System == "Darwin";

    public bool UnderRosetta => Translated == 1;

    /// <summary>
    /// The running macOS, or null when unknown. Pythons built against an old SDK report 10.16 for every
    /// macOS 11+ (packaging's tags.py works around it the same way), so 10.16 means unknown here.
    /// </summary>
    public global::System.Version? RunningMacos =>
        IsMacos && global::System.Version.TryParse(MacosVersion is { } v && !v.Contains('.') ? v + ".0" : MacosVersion, out var parsed) && parsed != new global::System.Version(10, 16)
            ? parsed
            : null;

    /// <summary>The CPU underneath: arm64 on Apple silicon even when this Python is translated x86_64.</summary>
    public string HardwareArch => IsMacos && (HardwareArm64 == 1 || UnderRosetta) ? "arm64" : Machine;

    /// <summary>An x86_64 Python on an arm64 Mac: Rosetta translates it (whether or not it reported so).</summary>
    public bool RunsTranslated => RosettaPython.Applies(Machine, HardwareArch);
}
