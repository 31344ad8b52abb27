using System.Collections.Immutable;
using Tfwheel.Files;
using Tfwheel.Reporting;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Resolves patch and workload paths relative to the file that declares them (or the current directory
/// for --set) and keeps them inside that folder or the project, so a recipe cannot reach across the disk.
/// </summary>
internal sealed class RecipePathRules(string projectRoot, List<RecipeProblem> problems)
{
    /// <summary>The largest patch or workload read; TensorFlow's own patches are a few KB.</summary>
    public const long MaxFileBytes = 16 << 20;

    /// <summary>The workloads shipped in build/Smoke/workloads/ (NAME.py each).</summary>
    // The one list of built-in workloads is Smoke's catalog (the .py files shipped in build/Smoke/workloads/).
    public static IReadOnlyList<string> BuiltInWorkloads => Tfwheel.Smoke.WorkloadCatalog.BuiltIn;

    public IReadOnlyList<string> Patches(IReadOnlyList<RecipeScalar> items)
    {
        var resolved = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            if (Resolve(item, "patches") is { } path)
            {
                resolved.Add(path);
            }
        }

        return resolved.ToImmutable();
    }

    public IReadOnlyList<string> Workloads(IReadOnlyList<RecipeScalar> items)
    {
        var resolved = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            var text = item.Text;
            if (!text.EndsWith(".py", StringComparison.Ordinal) && !text.Contains('/'))
            {
                if (BuiltInWorkloads.Contains(text))
                {
                    resolved.Add(text);
                }
                else
                {
                    problems.Add(item.Mark.Problem(
                        $"unknown smoke workload '{text}' (built-in: {string.Join(", ", BuiltInWorkloads)}; or a path to a .py file)"
                        + DidYouMean.Hint(text, BuiltInWorkloads)));
                }
            }
            else if (!text.EndsWith(".py", StringComparison.Ordinal))
            {
                problems.Add(item.Mark.Problem($"smoke workload '{text}' must be a built-in name or a .py file"));
            }
            else if (Resolve(item, "smoke.workloads") is { } path)
            {
                resolved.Add(path);
            }
        }

        return resolved.ToImmutable();
    }

    private string? Resolve(RecipeScalar item, string key)
    {
        var text = item.Text;
        if (!RecipeRules.IsOneLine(text) || Path.IsPathRooted(text) || text.StartsWith('~'))
        {
            problems.Add(item.Mark.Problem($"'{RecipeRules.Printable(text)}' in '{key}' must be a path relative to the recipe file that declares it"));
            return null;
        }

        var baseDirectory = item.Mark.BaseDirectory;
        var full = Path.GetFullPath(Path.Combine(baseDirectory, text));
        if (!RecipeFiles.IsInside(full, baseDirectory) && !RecipeFiles.IsInside(full, projectRoot))
        {
            problems.Add(item.Mark.Problem(
                $"'{text}' in '{key}' escapes the recipe's folder and the project ({RecipeFiles.Display(projectRoot)}); keep patches and workloads inside the project"));
            return null;
        }

        if (!File.Exists(full))
        {
            problems.Add(item.Mark.Problem($"'{text}' in '{key}' does not exist (looked for {RecipeFiles.Display(full)}; paths are relative to the file that declares them)"));
            return null;
        }

        // The same check on where links lead: a patch that is a link to /etc/shadow is outside, whatever its name.
        string real;
        try
        {
            real = RealPath.Resolve(full);
        }
        catch (IOException e)
        {
            problems.Add(item.Mark.Problem($"'{text}' in '{key}' cannot be resolved: {e.Message}"));
            return null;
        }

        if (!RecipeFiles.IsInside(real, RealPath.Resolve(baseDirectory)) && !RecipeFiles.IsInside(real, RealPath.Resolve(projectRoot)))
        {
            problems.Add(item.Mark.Problem(
                $"'{text}' in '{key}' is a link to {real}, outside the recipe's folder and the project ({RecipeFiles.Display(projectRoot)}); copy the file into the project instead of linking it"));
            return null;
        }

        if (InputFile.Problem(real, MaxFileBytes) is { } unreadable)
        {
            problems.Add(item.Mark.Problem($"'{text}' in '{key}' {unreadable}; patches and workloads are regular files"));
            return null;
        }

        return full;
    }
}
