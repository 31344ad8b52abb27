namespace Tfwheel.Platforms;

/// <summary>
/// The CPU architecture the wheel is for, spelled as the wheel tag spells it (recipe key <c>target.arch</c>):
/// arm64 (Apple silicon), x86_64 (Intel Mac or Linux), aarch64 (64-bit ARM Linux).
/// </summary>
public enum TargetArch
{
    Arm64,
    X86_64,
    Aarch64,
}
