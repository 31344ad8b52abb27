using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

/// <summary>Where the smoke tests find the repository's fixtures and a Python with numpy.</summary>
internal static class SmokeTestPaths
{
    public static string RepositoryRoot => ProjectFiles.Root;

    public static string TestDouble => Path.Combine(RepositoryRoot, "tests", "fixtures", "tensorflow-test-double");

    public static string FailingWorkloads => Path.Combine(RepositoryRoot, "tests", "fixtures", "smoke-workloads");

    /// <summary>Debian's python3 gets numpy from python3-numpy (.ci/run installs it); a pyenv python3 on PATH may lack it.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}
