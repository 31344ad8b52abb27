namespace Tfwheel.Recipes;

/// <summary>Where the TensorFlow tree comes from and what it must be.</summary>
/// <param name="Repository">A URL, a local path or a file:// mirror.</param>
/// <param name="Ref">A tag or branch, "v2.20.0".</param>
/// <param name="Commit">Optional 40-hex pin; Fetch fails with both hashes when the ref resolves elsewhere.</param>
/// <param name="Version">The TF version the tree builds, "2.20.0"; selects the wheel target (>= 2.17) or build_pip_package.</param>
public sealed record TensorflowSource(string Repository, string Ref, string? Commit, string Version)
{
    /// <summary>TF 2.17 introduced //tensorflow/tools/pip_package:wheel; older trees use build_pip_package.</summary>
    public bool UsesWheelTarget => ParsedVersion >= new Version(2, 17);

    public Version ParsedVersion =>
        System.Version.TryParse(new string(Version.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).TrimEnd('.'), out var v)
            ? v
            : new Version(0, 0);
}
