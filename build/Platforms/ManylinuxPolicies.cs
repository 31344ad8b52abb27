namespace Tfwheel.Platforms;

/// <summary>
/// The manylinux policies tfwheel retags to, copied from auditwheel's policy file
/// (pypa/auditwheel src/auditwheel/policy/manylinux-policy.json @2d1ad6396bff90cfff09321a4a4480b3955fe6a5)
/// for x86_64 and aarch64, the two Linux targets TensorFlow releases. PEP 600 names a policy by its glibc
/// floor (manylinux_x_y); the file lists, per architecture, every symbol version of each family a
/// binary may need, and the libraries (lib_whitelist) a binary may load from the system.
/// tfwheel keeps the newest version of each family: within one policy the lists have no holes a
/// binary could fall into (glibc defines no x86_64 symbols at 2.19-2.21, so none can be needed), so
/// "at most the newest listed" accepts the same binaries as auditwheel's "each needed version is listed".
/// Policies the file has between and past these (manylinux_2_34 onward) are not copied: a floor tfwheel
/// does not know is refused rather than guessed.
/// </summary>
public static class ManylinuxPolicies
{
    private static readonly string[] Whitelist2017 =
    [
        "libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libanl.so.1", "libdl.so.2", "librt.so.1",
        "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1",
        "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0",
        "libresolv.so.2", "libexpat.so.1", "libz.so.1",
    ];

    // manylinux_2_24 onward add libmvec.so.1 (glibc's vector math library).
    private static readonly string[] Whitelist2024 = [.. Whitelist2017, "libmvec.so.1"];

    /// <summary>Every policy tfwheel knows, lowest floor first.</summary>
    public static IReadOnlyList<ManylinuxPolicy> All { get; } =
    [
        Policy("2.17", "manylinux2014", Whitelist2017,
            x86: ("2.17", "3.4.19", "1.3.7", "4.8.0"), arm: ("2.18", "3.4.19", "1.3.7", "4.7.0")),
        Policy("2.24", null, Whitelist2024,
            x86: ("2.24", "3.4.22", "1.3.10", "4.8.0"), arm: ("2.24", "3.4.22", "1.3.10", "4.7.0")),
        Policy("2.26", null, Whitelist2024,
            x86: ("2.26", "3.4.22", "1.3.10", "4.8.0"), arm: ("2.26", "3.4.24", "1.3.11", "7.0.0")),
        Policy("2.27", null, Whitelist2024,
            x86: ("2.27", "3.4.24", "1.3.11", "7.0.0"), arm: ("2.27", "3.4.24", "1.3.11", "7.0.0")),
        Policy("2.28", null, Whitelist2024,
            x86: ("2.28", "3.4.24", "1.3.11", "7.0.0"), arm: ("2.28", "3.4.24", "1.3.11", "7.0.0")),
        Policy("2.31", null, Whitelist2024,
            x86: ("2.31", "3.4.28", "1.3.12", "7.0.0"), arm: ("2.31", "3.4.28", "1.3.12", "7.0.0")),
    ];

    /// <summary>The policy for a glibc floor ("2.17"), or null when tfwheel does not know it.</summary>
    public static ManylinuxPolicy? ForFloor(string floor) => All.FirstOrDefault(p => p.Floor == floor);

    /// <summary>The floors tfwheel knows, for messages: "2.17, 2.24, ...".</summary>
    public static string KnownFloors => string.Join(", ", All.Select(p => p.Floor));

    private static ManylinuxPolicy Policy(
        string floor, string? alias, string[] whitelist,
        (string Glibc, string Glibcxx, string Cxxabi, string Gcc) x86,
        (string Glibc, string Glibcxx, string Cxxabi, string Gcc) arm) =>
        new(floor, alias, whitelist.ToHashSet(StringComparer.Ordinal), new Dictionary<string, IReadOnlyDictionary<string, Version>>(StringComparer.Ordinal)
        {
            ["x86_64"] = Maxima(x86),
            ["aarch64"] = Maxima(arm),
        });

    private static IReadOnlyDictionary<string, Version> Maxima((string Glibc, string Glibcxx, string Cxxabi, string Gcc) v) =>
        new Dictionary<string, Version>(StringComparer.Ordinal)
        {
            ["GLIBC_"] = Version.Parse(v.Glibc),
            ["GLIBCXX_"] = Version.Parse(v.Glibcxx),
            ["CXXABI_"] = Version.Parse(v.Cxxabi),
            ["GCC_"] = Version.Parse(v.Gcc),
        };
}
