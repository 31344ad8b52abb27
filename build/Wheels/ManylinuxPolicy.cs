namespace Tfwheel.Wheels;

/// <summary>
/// The newest libstdc++ symbol versions each manylinux glibc floor may need, from auditwheel's
/// manylinux-policy.json (pypa/auditwheel src/auditwheel/policy/; the same on x86_64 and aarch64):
/// the C++ runtime of the policy's reference distribution.
/// </summary>
public static class ManylinuxPolicy
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
