using Cake.Core.Diagnostics;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Compile;

/// <summary>
/// Clean --source: before the tree goes, bazel removes the tree's output base (tens of GB for TensorFlow)
/// and stops its server, with <c>bazel clean --expunge</c>. Run with --noworkspace_rc: `clean` inherits
/// `build` options, so the tree's .bazelrc.user (an unreachable --remote_executor, say) could make it
/// fail; --ignore_all_rc_files would also drop the system rc that Debian's bazel needs. The recipe's own
/// startup options are passed, so the output base is the one the builds used.
/// </summary>
public static class BazelExpunge
{
    public static PlannedStep OutputBase(Recipe recipe, BuildPaths paths) => new("clean", "Ask bazel where the tree's output base is")
    {
        Argv = [recipe.Bazel.Executable, "--noworkspace_rc", .. recipe.Bazel.StartupOptions, "info", "output_base"],
        Cwd = paths.Source,
    };

    public static PlannedStep Expunge(Recipe recipe, BuildPaths paths) => new("clean", "Remove the tree's bazel output base and stop its server")
    {
        Argv = [recipe.Bazel.Executable, "--noworkspace_rc", .. recipe.Bazel.StartupOptions, "clean", "--expunge"],
        Cwd = paths.Source,
    };

    /// <summary>Expunges the output base of the tree, when the tree is a bazel workspace; returns the bytes freed.</summary>
    public static async Task<long> RunAsync(Recipe recipe, BuildPaths paths, IProcessGateway gateway, ICakeLog log, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(paths.Source, "WORKSPACE")) && !File.Exists(Path.Combine(paths.Source, "MODULE.bazel")))
        {
            return 0;
        }

        var info = await StepProcess.RunAsync(OutputBase(recipe, paths), gateway, ct, quiet: true);
        var outputBase = info.Succeeded ? info.StandardOutput.Trim() : "";
        var before = Directory.Exists(outputBase) ? FolderSize.Of(outputBase) : 0;
        var expunge = await StepProcess.RunAsync(Expunge(recipe, paths), gateway, ct);
        if (!expunge.Succeeded)
        {
            log.WarningText(
                $"Clean: bazel clean --expunge failed (exit {expunge.ExitCode}), so the output base {(outputBase.Length > 0 ? outputBase : "of " + paths.Source)} " +
                $"({before:N0} bytes) stays. Once no bazel uses it, remove it by hand (chmod -R u+w first: bazel makes it read-only).");
            return 0;
        }

        var freed = before - (Directory.Exists(outputBase) ? FolderSize.Of(outputBase) : 0);
        log.InfoText($"- {outputBase} (bazel output base, {freed:N0} bytes; its server stopped)");
        return freed;
    }
}
