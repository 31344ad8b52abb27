namespace Tfwheel.Verify.Binaries;

/// <summary>
/// How a compiler is told to target a <see cref="CpuTargets"/> name: the one place the recipe's <c>target.cpu</c>
/// becomes flags (README "Instruction sets" has the table per platform).
/// <list type="bullet">
/// <item>x86-64 levels: <c>-march=x86-64-v2</c> etc., spelled so by gcc (>= 11) and clang (>= 12) after the psABI
/// (gcc/config/i386/i386-options.cc processor_alias_table; LLVM 12 release notes, "-march=x86-64-v[234]");
/// each <c>+feature</c> becomes <c>-m&lt;feature&gt;</c> (gcc spells bmi1 <c>-mbmi</c>).</item>
/// <item>Apple cores: <c>-mcpu=apple-m1</c>, the spelling Apple clang lists in <c>clang --print-supported-cpus</c>
/// from Apple clang 13 (Xcode 13) on (archspec/archspec-json#43; upstream LLVM added the name in
/// llvm/llvm-project@a8a3a43792472c9775c60fa79b9357033d47ce40). Clang rejects <c>-march=native</c> there.</item>
/// <item>Arm architecture levels: <c>-march=armv8.2-a+dotprod</c> (gcc and clang share the level and extension
/// names listed in <see cref="ArmExtensions"/>; gcc/config/aarch64/aarch64-option-extensions.def).</item>
/// </list>
/// Only <c>--copt</c> (the target configuration): host tools run on the build machine, not on the wheel's CPU.
/// </summary>
public static class CpuFlags
{
    /// <summary>Extensions gcc and clang both accept after <c>+</c> in -march/-mcpu under this name (gcc says "rdma" for rdm; jscvt and fcma have no modifier).</summary>
    public static readonly IReadOnlyList<string> ArmExtensions = ["crc", "lse", "rcpc", "fp16", "dotprod", "aes", "sha2", "sha3", "bf16", "i8mm", "sve", "sve2", "sme", "crypto"];

    /// <summary>The bazel options for <paramref name="spec"/> (already valid for <see cref="CpuTargets.Parse"/>).</summary>
    public static IReadOnlyList<string> BazelOptions(string spec) => Compiler(spec).Select(f => "--copt=" + f).ToList();

    /// <summary>The compiler flags: <c>-march=x86-64-v2 -mavx</c>, <c>-mcpu=apple-m1</c>, <c>-march=armv8.2-a+dotprod</c>.</summary>
    public static IReadOnlyList<string> Compiler(string spec)
    {
        var cpu = CpuTargets.Parse(spec);
        var parts = cpu.Name.Split('+');
        if (cpu.Family == IsaFeatures.X86)
        {
            return ["-march=" + parts[0], .. parts.Skip(1).Select(f => "-m" + (f == "bmi1" ? "bmi" : f))];
        }

        return [(IsApple(parts[0]) ? "-mcpu=" : "-march=") + cpu.Name];
    }

    /// <summary>Why <paramref name="spec"/> cannot be a recipe's target.cpu for this platform, or null when it can.</summary>
    public static string? Unusable(string spec, string os, string arch)
    {
        var cpu = CpuTargets.Parse(spec);
        var parts = cpu.Name.Split('+');
        var family = IsaFeatures.ForArch(arch);
        if (family != cpu.Family)
        {
            return $"'{parts[0]}' is an {cpu.Family.Family} cpu but target.arch is {arch}";
        }

        if (IsApple(parts[0]) && os != "macos")
        {
            return $"'{parts[0]}' is an Apple core for macOS targets; on Linux {arch} use an Arm level such as armv8.2-a";
        }

        var bad = parts.Skip(1).FirstOrDefault(f => cpu.Family == IsaFeatures.Arm64 && !ArmExtensions.Contains(f));
        return bad is null ? null : $"'+{bad}' has no compiler modifier of that name (gcc and clang both accept {string.Join(", ", ArmExtensions)}); choose a level that includes {bad}";
    }

    /// <summary>The names a recipe for this platform may use (before any +feature).</summary>
    public static IReadOnlyList<string> NamesFor(string os, string arch)
    {
        var family = IsaFeatures.ForArch(arch);
        return CpuTargets.Names.Where(n => CpuTargets.Parse(n).Family == family && (os == "macos" || !IsApple(n))).ToList();
    }

    private static bool IsApple(string name) => name.StartsWith("apple-", StringComparison.Ordinal);
}
