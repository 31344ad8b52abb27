namespace Tfwheel.Doctor;

/// <summary>Doctor lines for the paths the recipe's release configs hard-code (<see cref="ReleaseConfigPaths"/>), on the host OS they are for.</summary>
public static class ReleaseConfigCheck
{
    /// <param name="overridden">Variables the recipe sets itself (bazel.repo-env and action-env): their paths are not TF's any more.</param>
    public static IReadOnlyList<DoctorCheck> Check(IEnumerable<string> configs, IReadOnlySet<string> overridden, string hostOs, Func<string, bool> exists) =>
        ReleaseConfigPaths.For(configs)
            .Where(p => p.Os == hostOs && !overridden.Contains(p.Variable))
            .Select(p => exists(p.Path)
                ? new DoctorCheck(Name(p), DoctorStatus.Ok, $"{p.Path} (needed by {p.Config})")
                : new DoctorCheck(Name(p), DoctorStatus.Blocking, $"{p.Path} is missing: {p.Why}", p.Remedy))
            .ToList();

    private static string Name(ReleaseConfigPath p) => p.Variable == "DEVELOPER_DIR" ? "xcode-app" : "config-path";
}
