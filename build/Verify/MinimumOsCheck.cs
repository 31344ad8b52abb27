using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// A binary must not need a newer OS than the tag promises: pip installs by tag, and a binary built
/// for macOS 14 fails to load on the macOS 12 the tag admitted. macOS: LC_BUILD_VERSION or
/// LC_VERSION_MIN_MACOSX, with arm64 floored at 11.0 (the first arm64 macOS). Linux: the highest
/// GLIBC_ version needed against a manylinux tag's glibc floor.
/// </summary>
public static class MinimumOsCheck
{
    private static readonly Version NewLapackOs = new(13, 3);
    private static readonly Version NewLapackTag = new(14, 0);

    public static IEnumerable<Finding> Check(NativeBinary binary, VerifyRequirements requirements)
    {
        foreach (var slice in binary.Slices)
        {
            if (binary.IsMachO && requirements.Os == "macos")
            {
                foreach (var finding in CheckMachO(binary.Path, slice, requirements.MinOs))
                {
                    yield return finding;
                }
            }

            if (binary.Format == NativeBinary.Elf && requirements is { Os: "linux", MinOs: { } floor })
            {
                foreach (var finding in CheckElf(binary.Path, slice, floor))
                {
                    yield return finding;
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckElf(string path, BinarySlice slice, Version floor)
    {
        if (slice.VersionNeeds.TryGetValue("GLIBC_", out var glibc) && glibc > floor)
        {
            yield return Finding.Error(FindingCodes.GlibcAboveTag, path,
                $"The binary needs GLIBC_{glibc} but the tag promises glibc {floor}; pip would install it where it fails to load. Build on an older glibc (a manylinux_{floor.Major}_{floor.Minor} image) or tag the wheel manylinux_{glibc.Major}_{glibc.Minor}.");
        }

        foreach (var (prefix, ceiling) in ManylinuxCeilings.CxxCeilings(floor))
        {
            if (slice.VersionNeeds.TryGetValue(prefix, out var needed) && needed > ceiling)
            {
                yield return Finding.Error(FindingCodes.GlibcxxAboveTag, path,
                    $"The binary needs {prefix}{needed} but manylinux_{floor.Major}_{floor.Minor} allows at most {prefix}{ceiling} (auditwheel policy); the system libstdc++ there is older. Build with that image's toolchain (or link libstdc++ statically) or tag the wheel for a newer glibc.");
            }
        }
    }

    private static IEnumerable<Finding> CheckMachO(string path, BinarySlice slice, Version? tag)
    {
        if (slice.Platform is null)
        {
            yield return Finding.Warning(FindingCodes.MinOsMissing, path,
                $"The {slice.Arch} image has neither LC_BUILD_VERSION nor LC_VERSION_MIN_MACOSX, so its minimum macOS is unknown; link with a current toolchain and -mmacosx-version-min.");
            yield break;
        }

        if (slice.Platform != 1)
        {
            yield return Finding.Error(FindingCodes.MinOsNotMacos, path,
                $"The {slice.Arch} image was built for platform {slice.Platform} (1 is macOS; 2 iOS, 6 Mac Catalyst, 7 iOS simulator), so macOS will not load it. Build it with the macOS SDK.");
            yield break;
        }

        var promised = tag is null ? null : slice.Arch.StartsWith("arm64", StringComparison.Ordinal) && tag < new Version(11, 0) ? new Version(11, 0) : tag;
        if (promised is not null && slice.MinOs is { } min && min > promised)
        {
            yield return Finding.Error(FindingCodes.MinOsAboveTag, path,
                $"The {slice.Arch} image needs macOS {min} but the tag promises {promised}: pip would install it on macOS {promised}, where it fails to load. Build with MACOSX_DEPLOYMENT_TARGET={promised} or tag the wheel macosx_{min.Major}_0.");
        }

        if (slice.UsesNewLapack && ((slice.MinOs ?? new Version(0, 0)) < NewLapackOs || (tag ?? new Version(0, 0)) < NewLapackTag))
        {
            // numpy/numpy#24053, #25255: the $NEWLAPACK symbols exist from macOS 13.3; pip cannot say 13.3, so tag 14.0.
            yield return Finding.Error(FindingCodes.MinOsNewLapack, path,
                $"The {slice.Arch} image uses Accelerate's new LAPACK ($NEWLAPACK symbols, macOS 13.3+) but its minimum is {slice.MinOs?.ToString() ?? "unknown"} and the tag's {tag?.ToString() ?? "unknown"}; build with a deployment target of 13.3 or later and tag the wheel macosx_14_0.");
        }
    }
}
