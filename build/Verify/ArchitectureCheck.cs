using Tfwheel.Platforms;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// Each native binary's architectures against the required ones. An x86_64-only binary in an arm64
/// wheel is this project's reason to exist: on Apple silicon it runs only under Rosetta 2, which does
/// not translate AVX, so TensorFlow dies with "Illegal instruction" (SIGILL) at import.
/// </summary>
public static class ArchitectureCheck
{
    public static IEnumerable<Finding> Check(NativeBinary binary, VerifyRequirements requirements)
    {
        if (requirements.Os == "linux" && binary.IsMachO)
        {
            yield return Finding.Error(FindingCodes.ArchWrongFormat, binary.Path, "A macOS (Mach-O) binary in a Linux wheel cannot load; build this file for Linux or drop it from the wheel.");
            yield break;
        }

        if (requirements.Os == "macos" && binary.Format == NativeBinary.Elf)
        {
            yield return Finding.Error(FindingCodes.ArchWrongFormat, binary.Path, "A Linux (ELF) binary in a macOS wheel cannot load; build this file for macOS or drop it from the wheel.");
            yield break;
        }

        if (binary.Slices.Count == 0 || requirements.Archs.Count == 0)
        {
            yield break;
        }

        var archs = binary.Archs.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var required = requirements.Archs.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var missing = required.Where(r => !archs.Contains(r)).ToList();
        var have = string.Join(", ", binary.Archs);
        foreach (var arch in missing)
        {
            yield return arch switch
            {
                "arm64" when archs.Contains("x86_64") => Finding.Error(FindingCodes.SeedX86InArm64, binary.Path,
                    $"The binary is {have} in an arm64 wheel: on an Apple-silicon Mac it would run only under Rosetta, where TensorFlow dies with 'Illegal instruction' (SIGILL, AVX is not translated). Rebuild it for arm64 (an arm64 Python and toolchain; TensorFlow's bazel --config=macos_arm64) and check that no x86_64 prebuilt library was copied in."),
                "arm64" when archs.Contains("arm64e") => Finding.Error(FindingCodes.ArchArm64e, binary.Path,
                    $"The binary is {have}: arm64e is not arm64, and macOS refuses third-party arm64e code unless booted with -arm64e_preview_abi. Build for plain arm64 (-arch arm64)."),
                _ => Finding.Error(FindingCodes.ArchMissing, binary.Path,
                    $"The binary is {have} but the wheel must run on {arch}; rebuild it for {arch} or fix the wheel's platform tag."),
            };
        }

        var extra = archs.Where(a => !required.Contains(a)).ToList();
        if (missing.Count == 0 && extra.Count > 0 && !requirements.AllowUniversal)
        {
            var rosetta = extra.Contains("x86_64") && required.Contains("arm64") ? " An x86_64 slice in an arm64 wheel is dead weight at best; at worst a copy of it runs under Rosetta and dies with 'Illegal instruction'." : "";
            yield return Finding.Error(FindingCodes.ArchUniversal, binary.Path,
                $"The binary is {have}, more than the required {string.Join(", ", requirements.Archs)}.{rosetta} Build it thin (lipo -thin {requirements.Archs[0]}), or pass --allow-universal (recipe verify.allow-universal) if a universal binary is intended.");
        }

        foreach (var slice in binary.Slices.Where(s => s.ElfClass is not null))
        {
            if (slice.Arch is "x86_64" or "aarch64" && (slice.ElfClass != 64 || slice.LittleEndian != true))
            {
                yield return Finding.Error(FindingCodes.ElfClass, binary.Path,
                    $"The {slice.Arch} binary is {slice.ElfClass}-bit {(slice.LittleEndian == true ? "little" : "big")}-endian; {slice.Arch} wheels need 64-bit little-endian. Rebuild it for the wheel's platform.");
            }
        }
    }

    /// <summary>arm64 and aarch64 as <see cref="HostPlatform.Normalize"/> folds them; x86_64h runs where x86_64 does.</summary>
    private static string Normalize(string arch) => arch == "x86_64h" ? "x86_64" : HostPlatform.Normalize(arch);
}
