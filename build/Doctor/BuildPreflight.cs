using Cake.Core.Diagnostics;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Doctor;

/// <summary>
/// Everything that can be checked without the TensorFlow tree, checked before Fetch downloads it
/// (gigabytes): the host's OS and CPU against the target, bazel on PATH, on a Mac the full Xcode that
/// release_macos_base needs, and free disk for the checkout. All problems are reported at once.
/// The Linux ml-build container paths (ReleaseConfigPaths) are only warned about here: a recipe may
/// point bazel elsewhere in ways tfwheel cannot see; Doctor explains them.
/// </summary>
public static class BuildPreflight
{
    /// <summary>A shallow TensorFlow checkout with its git objects takes about 2 GiB; keep room to spare.</summary>
    public const long FetchBytes = 5L << 30;

    public static async Task EnsureReadyAsync(Recipe recipe, BuildPaths paths, IHostProbe probe, ICakeLog log, CancellationToken ct)
    {
        var problems = new List<string>();
        try
        {
            HostRequirement.EnsureCanBuild(recipe, probe.Platform);
        }
        catch (HostException e)
        {
            problems.Add(e.Message.Replace("Configure: ", "", StringComparison.Ordinal));
        }

        if (await probe.ToolVersionAsync(recipe.Bazel.Executable, ct) is null)
        {
            problems.Add($"'{recipe.Bazel.Executable}' (bazel.executable) cannot be run: install bazelisk or bazel {recipe.Bazel.Version ?? ""}, or set BAZEL to a bazel binary.");
        }

        if (probe.Platform.Os == "macos" && recipe.Target.Os == TargetOs.Macos && await probe.XcodeDeveloperDirAsync(ct) is null)
        {
            problems.Add("no Xcode developer tools (xcode-select -p failed): install Xcode at /Applications/Xcode.app and run xcode-select --install.");
        }

        var overridden = recipe.Bazel.RepoEnv.Keys.Concat(recipe.Bazel.ActionEnv.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var check in ReleaseConfigCheck.Check(recipe.Bazel.Configs, overridden, probe.Platform.Os, probe.PathExists).Where(c => c.Status != DoctorStatus.Ok))
        {
            if (check.Name == "xcode-app")
            {
                problems.Add($"{check.Found}. {check.Remedy}.");
            }
            else
            {
                log.WarningText($"Preflight: {check.Found}. {check.Remedy} (Doctor explains).");
            }
        }

        if (!Directory.Exists(paths.Source) && probe.FreeDiskBytes(paths.Source) is var free && free < FetchBytes)
        {
            problems.Add($"{free / (double)(1L << 30):0.0} GiB free where the tree goes ({paths.Source}); fetching TensorFlow needs about {FetchBytes >> 30} GiB (and the build 30-60 GiB more): free space or pass --source-dir on a larger volume.");
        }

        if (problems.Count > 0)
        {
            throw new HostException(
                $"Preflight: recipe '{recipe.Name}' cannot be built on this host, so TensorFlow was not fetched:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine +
                "Run the Doctor target for the full host report; 'Plan' shows what would run.");
        }
    }
}
