namespace Tfwheel.Tests.Smoke;

/// <summary>Where the smoke tests find the repository's fixtures and a Python with numpy.</summary>
internal static class SmokeTestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string TestDouble => Path.Combine(RepositoryRoot, "tests", "fixtures", "tensorflow-test-double");

    public static string FailingWorkloads => Path.Combine(RepositoryRoot, "tests", "fixtures", "smoke-workloads");

    /// <summary>Debian's python3 gets numpy from python3-numpy (.ci/run installs it); a pyenv python3 on PATH may lack it.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string NewTempDirectory() => Directory.CreateTempSubdirectory("tfwheel-smoke-test-").FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tfwheel.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tfwheel.slnx not found above " + AppContext.BaseDirectory);
    }
}
