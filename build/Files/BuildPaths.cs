namespace Tfwheel.Files;

/// <summary>Where a recipe's build reads and writes. Resolved once from --working, --source-dir and --artifacts.</summary>
/// <param name="Root">The project root (the folder holding recipes/ and cake.config).</param>
/// <param name="Artifacts">artifacts/&lt;recipe&gt;/: wheel, logs, manifest.json, verify.json, smoke.json.</param>
/// <param name="Source">The TensorFlow work tree, .work/src/&lt;recipe&gt; by default.</param>
public sealed record BuildPaths(string Root, string Artifacts, string Source)
{
    /// <param name="settings">cake.config's [tfwheel] artifacts and work folders; the flags win over them.</param>
    public static BuildPaths For(string root, string recipeName, string? sourceDir = null, string? artifactsDir = null, ProjectSettings? settings = null) =>
        new(
            Path.GetFullPath(root),
            Path.GetFullPath(artifactsDir ?? Path.Combine(root, (settings ?? ProjectSettings.Default).Artifacts, recipeName)),
            Path.GetFullPath(sourceDir ?? Path.Combine(root, (settings ?? ProjectSettings.Default).Work, "src", recipeName)));

    public const string SmokeReportFileName = "smoke.json";

    public const string SmokeJUnitFileName = "smoke.junit.xml";

    public string Manifest => Path.Combine(Artifacts, "manifest.json");

    /// <summary>Verify's JSON report, which Publish and the Wheel summary read back.</summary>
    public string VerifyReport => Path.Combine(Artifacts, "verify.json");

    /// <summary>Smoke's JSON report, which Publish and the Wheel summary read back.</summary>
    public string SmokeReport => Path.Combine(Artifacts, SmokeReportFileName);

    public string SmokeJUnit => Path.Combine(Artifacts, SmokeJUnitFileName);
}
