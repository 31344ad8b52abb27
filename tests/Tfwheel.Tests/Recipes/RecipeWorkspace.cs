using Tfwheel.Recipes;
using Tfwheel.Recipes.Loading;

namespace Tfwheel.Tests.Recipes;

/// <summary>
/// A throwaway project folder (recipes/, patches/) in the temp directory for loader tests. Problems name files
/// by absolute path here because the folder is outside the test's current directory.
/// </summary>
internal sealed class RecipeWorkspace : IDisposable
{
    /// <summary>A complete minimal recipe body most tests extend or edit.</summary>
    public const string Minimal = """
        tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
        python: "3.12"
        target: { os: macos, arch: arm64, min-os: "12.0" }
        """;

    public RecipeWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "tfwheel-recipes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(RecipesDirectory);
    }

    public string Root { get; }

    public string RecipesDirectory => Path.Combine(Root, "recipes");

    /// <summary>Writes recipes/NAME.yaml (or a path relative to the root when it contains '/') and returns its full path.</summary>
    public string Write(string name, string yaml)
    {
        var path = name.Contains('/') ? Path.Combine(Root, name) : Path.Combine(RecipesDirectory, name + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, yaml.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public Recipe Load(string name, params RecipeOverride[] overrides) => RecipeLoader.Load(name, overrides, RecipesDirectory);

    /// <summary>The problem lines a load reports (it must fail).</summary>
    public IReadOnlyList<string> Problems(string name, params RecipeOverride[] overrides)
    {
        var e = Assert.Throws<RecipeException>(() => Load(name, overrides));
        Assert.Equal(e.Message, string.Join(Environment.NewLine, e.Problems.Select(p => p.ToString())));
        return e.Problems.Select(p => p.ToString()).ToList();
    }

    /// <summary>Compares problem lists as text so a failure shows every line in full.</summary>
    public static void AssertProblems(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    public string File(string name) => Path.Combine(RecipesDirectory, name + ".yaml");

    public static RecipeOverride Set(string assignment) => RecipeOverride.ParseSet(assignment);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
