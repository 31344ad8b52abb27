using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Doctor;

/// <summary>What Plan shows for the checks <see cref="BuildPreflight"/> runs before Fetch.</summary>
public static class PreflightPlan
{
    public static PlannedStep Step(Recipe recipe)
    {
        var target = recipe.Target;
        var os = target.OsName;
        var checks = new List<string>
        {
            $"host is {os}/{target.ArchTag}",
            $"'{recipe.Bazel.Executable} --version' runs",
            $"{BuildPreflight.FetchBytes >> 30} GiB free for the tree",
        };
        var paths = ReleaseConfigPaths.For(recipe.Bazel.Configs);
        if (paths.Any(p => p.Variable == "DEVELOPER_DIR"))
        {
            // The one choice made for release_macos_base: check Xcode, never rewrite TF's DEVELOPER_DIR behind the user's back.
            checks.Add($"full Xcode at {ReleaseConfigPaths.XcodeDeveloperDir} (release_macos_base's DEVELOPER_DIR; Command Line Tools alone fail; tfwheel does not write DEVELOPER_DIR from xcode-select -p: set bazel.action-env.DEVELOPER_DIR to use another Xcode)");
        }

        var container = paths.Where(p => p.Os == "linux").Select(p => p.Path).ToList();
        if (container.Count > 0)
        {
            checks.Add($"warn when {string.Join(", ", container)} are missing (TF's ml-build container paths; Doctor explains)");
        }

        return new PlannedStep("preflight", "Before fetching, check (in-process): " + string.Join("; ", checks));
    }
}
