namespace Tfwheel.Tests.Support;

/// <summary>
/// Where fetched test fixtures live: tests/.cache (git-ignored), or TFWHEEL_TEST_CACHE when set (the fetch
/// scripts honour the same variable), e.g. to share one cache between several checkouts.
/// </summary>
public static class TestCache
{
    public static string Root { get; } =
        Environment.GetEnvironmentVariable("TFWHEEL_TEST_CACHE") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(ProjectFiles.Root, "tests", ".cache");
}
