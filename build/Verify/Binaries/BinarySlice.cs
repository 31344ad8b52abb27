namespace Tfwheel.Verify.Binaries;

/// <summary>
/// One architecture's image inside a native binary: the whole file for a thin Mach-O or an ELF, one
/// slice of a fat Mach-O. Fields that do not apply to the format are null or empty.
/// </summary>
public sealed record BinarySlice
{
    /// <summary>As wheel tags spell it: arm64, arm64e, x86_64, x86_64h, aarch64, i386, ...</summary>
    public required string Arch { get; init; }

    /// <summary>Mach-O: LC_BUILD_VERSION platform (1 = macOS), or 1 when only LC_VERSION_MIN_MACOSX is present.</summary>
    public int? Platform { get; init; }

    /// <summary>Mach-O: minimum OS version ("11.0"), from LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX.</summary>
    public Version? MinOs { get; init; }

    /// <summary>Mach-O: LC_ID_DYLIB. ELF: DT_SONAME.</summary>
    public string? InstallName { get; init; }

    public IReadOnlyList<LinkedLibrary> Libraries { get; init; } = [];

    /// <summary>Mach-O LC_RPATH; ELF DT_RUNPATH (or DT_RPATH when there is no RUNPATH), split at ':'.</summary>
    public IReadOnlyList<string> Rpaths { get; init; } = [];

    /// <summary>Mach-O: the string table names a <c>$NEWLAPACK</c> symbol (Accelerate's macOS 13.3+ LAPACK).</summary>
    public bool UsesNewLapack { get; init; }

    /// <summary>Mach-O: the image carries LC_CODE_SIGNATURE (an ad-hoc signature counts).</summary>
    public bool Signed { get; init; }

    /// <summary>ELF: 32 or 64.</summary>
    public int? ElfClass { get; init; }

    /// <summary>ELF: true for little-endian.</summary>
    public bool? LittleEndian { get; init; }

    /// <summary>ELF: PT_INTERP.</summary>
    public string? Interpreter { get; init; }

    /// <summary>ELF: the highest version needed per prefix ("GLIBC_" -> 2.28, "GLIBCXX_" -> 3.4.22), from .gnu.version_r.</summary>
    public IReadOnlyDictionary<string, Version> VersionNeeds { get; init; } = new Dictionary<string, Version>();

    /// <summary>x86-64 and arm64: what the code needs from the CPU (null for other architectures).</summary>
    public Verify.Binaries.IsaUsage? Isa { get; init; }
}

/// <summary>A library a binary loads: Mach-O LC_*_DYLIB (Kind load, weak, reexport, lazy, upward) or ELF DT_NEEDED (needed).</summary>
public sealed record LinkedLibrary(string Name, string Kind);
