namespace Tfwheel.Tests.Support;

/// <summary>Finds files of the checked-out project (fixtures, patches) from the test binary's folder.</summary>
public static class ProjectFiles
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(Root, "tests", "fixtures", name);

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
