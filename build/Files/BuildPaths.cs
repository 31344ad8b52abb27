namespace Tfwheel.Files;

/// <summary>Where a recipe's build reads and writes. Resolved once from --working, --source-dir and --artifacts.</summary>
/// <param name="Root">The project root (the folder holding recipes/ and cake.config).</param>
/// <param name="Artifacts">artifacts/&lt;recipe&gt;/: a wheel per Python, logs, manifest.json, verify-cpXY.json, smoke-cpXY.json.</param>
/// <param name="Source">The TensorFlow work tree, .work/src/&lt;recipe&gt; by default.</param>
public sealed record BuildPaths(string Root, string Artifacts, string Source)
{
    /// <param name="settings">cake.config's [tfwheel] artifacts and work folders; the flags win over them.</param>
    public static BuildPaths For(string root, string recipeName, string? sourceDir = null, string? artifactsDir = null, ProjectSettings? settings = null) =>
        new(
            Path.GetFullPath(root),
            Path.GetFullPath(artifactsDir ?? Path.Combine(root, (settings ?? ProjectSettings.Default).Artifacts, recipeName)),
            Path.GetFullPath(sourceDir ?? Path.Combine(root, (settings ?? ProjectSettings.Default).Work, "src", recipeName)));

    public string Manifest => Path.Combine(Artifacts, "manifest.json");

    /// <summary>
    /// Verify's report on the wheel for one Python ("cp312" -> verify-cp312.json). A recipe may build a wheel per
    /// Python; each wheel's reports carry its python tag, so they sit side by side in artifacts/&lt;recipe&gt;/ and
    /// on the release.
    /// </summary>
    public string VerifyReportFor(string pythonTag) => Path.Combine(Artifacts, VerifyReportName(pythonTag));

    /// <summary>Smoke's report on the wheel for one Python: smoke-cp312.json.</summary>
    public string SmokeReportFor(string pythonTag) => Path.Combine(Artifacts, SmokeReportName(pythonTag));

    /// <summary>Smoke's JUnit file for one Python: smoke-cp312.junit.xml.</summary>
    public string SmokeJUnitFor(string pythonTag) => Path.Combine(Artifacts, SmokeJUnitName(pythonTag));

    public static string SmokeJUnitName(string pythonTag) => $"smoke-{pythonTag}.junit.xml";

    public static string VerifyReportName(string pythonTag) => $"verify-{pythonTag}.json";

    /// <summary>The python tag a Verify or Smoke report file is named for ("smoke-cp312.json" -> "cp312"), else null.</summary>
    public static string? ReportPythonTag(string fileName)
    {
        foreach (var prefix in new[] { "verify-", "smoke-" })
        {
            if (fileName.StartsWith(prefix, StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal) && fileName.Length > prefix.Length + 5)
            {
                return fileName[prefix.Length..^5];
            }
        }

        return null;
    }

    public static string SmokeReportName(string pythonTag) => $"smoke-{pythonTag}.json";
}
