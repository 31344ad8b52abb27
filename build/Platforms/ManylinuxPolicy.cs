namespace Tfwheel.Platforms;

/// <summary>One manylinux policy (PEP 600) as auditwheel's policy file defines it; see <see cref="ManylinuxPolicies"/>.</summary>
/// <param name="Floor">The glibc floor, "2.17".</param>
/// <param name="LegacyAlias">PEP 600's legacy name, "manylinux2014", or null.</param>
/// <param name="Libraries">The sonames a binary may load from the system (lib_whitelist).</param>
/// <param name="Maxima">Per architecture (x86_64, aarch64): the newest version per family ("GLIBC_", "GLIBCXX_", "CXXABI_", "GCC_").</param>
public sealed record ManylinuxPolicy(
    string Floor,
    string? LegacyAlias,
    IReadOnlySet<string> Libraries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Version>> Maxima)
{
    /// <summary>The symbol-version families Repair checks (auditwheel's policy also lists ZLIB_ and LIBATOMIC_).</summary>
    public static readonly string[] Families = ["GLIBC_", "GLIBCXX_", "CXXABI_", "GCC_"];

    public string Name => "manylinux_" + Floor.Replace('.', '_');

    /// <summary>The wheel platform tag set: manylinux_2_17_x86_64.manylinux2014_x86_64, or the PEP 600 tag alone.</summary>
    public string PlatformTag(string arch) =>
        LegacyAlias is null ? $"{Name}_{arch}" : $"{Name}_{arch}.{LegacyAlias}_{arch}";

    /// <summary>Whether the system provides this library: the policy's list, or the dynamic loader itself.</summary>
    public bool IsSystemLibrary(string soname) =>
        soname.StartsWith("ld-linux", StringComparison.Ordinal) || soname.StartsWith("ld64.so", StringComparison.Ordinal) || Libraries.Contains(soname);

    /// <summary>Whether a binary needing <paramref name="version"/> of <paramref name="family"/> runs on this policy's systems.</summary>
    public bool Allows(string arch, string family, Version version) =>
        Maxima.TryGetValue(arch, out var maxima) && (!maxima.TryGetValue(family, out var max) || version <= max);
}
