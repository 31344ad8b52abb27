using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Pipeline;

/// <summary>
/// Which wheels Verify, Repair, Smoke and the Wheel summary work on: --wheel=PATH when given, otherwise the wheel
/// Compile left in artifacts/&lt;recipe&gt;/ for each Python of the run.
/// </summary>
public static class WheelLocator
{
    /// <summary>
    /// A wheel per Python of the run, each with the recipe for its Python: --wheel names one (judged with the recipe
    /// for its own python tag when the recipe lists it); otherwise the one wheel in artifacts for each Python.
    /// </summary>
    public static IReadOnlyList<RecipeWheel> ForRun(Recipe recipe, string? wheelOption, string root, string artifactsDirectory)
    {
        if (wheelOption is { } named)
        {
            var path = Named(named, root);
            var tag = WheelFileName.TryParse(path, out _)?.PythonTag;
            return [new RecipeWheel(recipe.PerPython.FirstOrDefault(r => r.PythonTag == tag) ?? recipe, path)];
        }

        var wheels = Directory.Exists(artifactsDirectory) ? Directory.GetFiles(artifactsDirectory, "*.whl") : [];
        var found = new List<RecipeWheel>();
        foreach (var one in recipe.PerPython)
        {
            var mine = wheels.Where(w => WheelFileName.TryParse(w, out _)?.PythonTag == one.PythonTag).ToList();
            found.Add(mine.Count switch
            {
                1 => new RecipeWheel(one, mine[0]),
                0 => throw new UsageException(
                    $"no {one.PythonTag} wheel (Python {one.Python}) in {artifactsDirectory}: run the Compile target first (dotnet run --project build -- --target=Compile), or name one with --wheel=PATH."),
                _ => throw new UsageException(
                    $"{mine.Count} {one.PythonTag} wheels in {artifactsDirectory} ({string.Join(", ", mine.Select(Path.GetFileName))}): rerun Compile, which leaves one per Python, or name the one to use with --wheel=PATH."),
            });
        }

        return found;
    }

    /// <summary>The wheel --wheel names; a relative path is taken from the project root (--working).</summary>
    public static string Named(string wheel, string root)
    {
        var path = Path.GetFullPath(wheel, root);
        if (!File.Exists(path))
        {
            throw new UsageException($"--wheel={wheel}: no such file ({path}).");
        }

        // A FIFO would block the read forever; a device never ends.
        return Files.InputFile.Problem(path, long.MaxValue) is { } problem
            ? throw new UsageException($"--wheel={wheel}: {path} {problem}. Pass a .whl file.")
            : path;
    }
}

/// <summary>A wheel and the recipe for its Python (HERMETIC_PYTHON_VERSION, the smoke venv, the expected tag).</summary>
public sealed record RecipeWheel(Recipe Recipe, string Path)
{
    public string PythonTag => WheelFileName.TryParse(Path, out _)?.PythonTag ?? Recipe.PythonTag;
}
