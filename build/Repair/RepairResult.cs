using Tfwheel.Platforms;

namespace Tfwheel.Repair;

/// <summary>What Repair did to the wheel in artifacts/&lt;recipe&gt;/.</summary>
/// <param name="From">The wheel's file name before (bazel's linux_&lt;arch&gt; wheel).</param>
/// <param name="Wheel">The wheel's full path after: the only wheel left in the folder.</param>
/// <param name="Retagged">False when the wheel already carried the policy's tags (a re-run): it was checked, not rewritten.</param>
/// <param name="Binaries">How many ELF files were checked against the policy.</param>
public sealed record RepairResult(
    string From, string Wheel, string PlatformTags, ManylinuxPolicy Policy, bool Retagged, int Binaries, long Size, string Sha256, TimeSpan Duration)
{
    public string WheelName => System.IO.Path.GetFileName(Wheel);

    /// <summary>The wheel's python tag ("cp312"): which entry of the manifest's wheels it updates.</summary>
    public string PythonTag { get; init; } = "";

    /// <summary>The recipe's Python the wheel is for ("3.12"), for the step outputs.</summary>
    public string Python { get; init; } = "";
}
