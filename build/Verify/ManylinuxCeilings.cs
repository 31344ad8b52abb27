namespace Tfwheel.Verify;

/// <summary>
/// The newest libstdc++ symbol versions each manylinux glibc floor may need, from auditwheel's
/// manylinux-policy.json (pypa/auditwheel src/auditwheel/policy/; the same on x86_64 and aarch64):
/// the C++ runtime of the policy's reference distribution.
/// </summary>
public static class ManylinuxCeilings
{
    private static readonly (Version Glibc, Version Glibcxx, Version Cxxabi)[] Rows =
    [
        (new(2, 5), new(3, 4, 8), new(1, 3, 1)),
        (new(2, 12), new(3, 4, 13), new(1, 3, 3)),
        (new(2, 17), new(3, 4, 19), new(1, 3, 7)),
        (new(2, 24), new(3, 4, 22), new(1, 3, 10)),
        (new(2, 27), new(3, 4, 24), new(1, 3, 11)),
        (new(2, 28), new(3, 4, 24), new(1, 3, 11)),
        (new(2, 31), new(3, 4, 28), new(1, 3, 12)),
        (new(2, 34), new(3, 4, 29), new(1, 3, 13)),
        (new(2, 35), new(3, 4, 30), new(1, 3, 13)),
    ];

    /// <summary>
    /// Libraries every manylinux system provides (the policy's lib_whitelist, manylinux_2_17 onward, plus
    /// libmvec from 2_28) and the dynamic loader itself; anything else must be bundled in the wheel.
    /// </summary>
    public static bool IsSystemLibrary(string soname) =>
        soname.StartsWith("ld-linux", StringComparison.Ordinal) || soname.StartsWith("ld64.so", StringComparison.Ordinal)
        || SystemLibraries.Contains(soname);

    private static readonly HashSet<string> SystemLibraries = new(StringComparer.Ordinal)
    {
        "libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2",
        "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6",
        "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0",
        "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1",
    };

    /// <summary>The ceilings per version prefix ("GLIBCXX_", "CXXABI_") for a glibc floor; empty past the table's end.</summary>
    public static IReadOnlyDictionary<string, Version> CxxCeilings(Version glibc)
    {
        if (glibc > Rows[^1].Glibc)
        {
            return new Dictionary<string, Version>();
        }

        var row = Rows.LastOrDefault(r => r.Glibc <= glibc);
        return row.Glibc is null
            ? new Dictionary<string, Version>()
            : new Dictionary<string, Version> { ["GLIBCXX_"] = row.Glibcxx, ["CXXABI_"] = row.Cxxabi };
    }
}
