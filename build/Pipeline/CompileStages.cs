using Cake.Core.Diagnostics;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;
using Tfwheel.Source;

namespace Tfwheel.Pipeline;

/// <summary>
/// The pipeline parts the Fetch, Patch, Configure and Compile tasks call (the one path that runs, in
/// production and in the tests, which drive the program): whether the input stamp still holds
/// (<see cref="UnchangedInputsAsync"/>), the stamp after Configure (<see cref="StampAsync"/>), and the build
/// with its manifest (<see cref="CompileAndRecordAsync"/>). Bazel decides what to rebuild.
/// </summary>
public static class CompileStages
{
    /// <summary>
    /// The stamp of the last Fetch/Patch/Configure when recipe, patches, tree and .bazelrc.user are unchanged
    /// since and tensorflow.ref has not moved upstream; otherwise null.
    /// </summary>
    public static async Task<InputStamp?> UnchangedInputsAsync(
        Recipe recipe, BuildPaths paths, CompileHost host, IProcessGateway gateway, CancellationToken ct, ICakeLog? log = null)
    {
        var tree = new GitTree(paths.Source, gateway);
        var stamp = tree.Exists ? InputStamp.Read(tree) : null;
        if (stamp is null || !await stamp.StillHoldsAsync(RecipeJson.Sha256(recipe.PythonNeutral), recipe.Patches, BazelrcUser.Render(recipe, host.Home), tree, ct))
        {
            return null;
        }

        if (await UpstreamRef.MovedAsync(recipe, paths, stamp.Commit, gateway, ct) is { } moved)
        {
            log?.InfoText(moved);
            return null;
        }

        // The host check is cheap and must hold even when nothing changed (a copied work folder).
        HostRequirement.EnsureCanBuild(recipe, host.Platform);
        return stamp;
    }

    /// <summary>Records what Fetch, Patch and Configure produced, so an unchanged re-run skips them.</summary>
    public static async Task<InputStamp> StampAsync(Recipe recipe, BuildPaths paths, CompileHost host, IProcessGateway gateway, string? bazelVersion, CancellationToken ct)
    {
        var tree = new GitTree(paths.Source, gateway);
        var patches = recipe.Patches.Select(p => new PatchOutcome(p, Hashing.Sha256File(p), AlreadyApplied: false)).ToList();
        var stamp = new InputStamp(
            RecipeJson.Sha256(recipe.PythonNeutral), patches, await tree.HeadAsync(ct) ?? "", await tree.WorktreeHashAsync(ct),
            Hashing.Sha256Text(BazelrcUser.Render(recipe, host.Home)), bazelVersion, DateTimeOffset.UtcNow);
        await stamp.WriteAsync(tree, ct);
        return stamp;
    }

    /// <summary>
    /// Builds a wheel per Python of the run into artifacts (bazel once per version, in one tree and output base, so
    /// the second reuses what does not depend on Python), removes wheels no build of this run made, and writes the
    /// manifest (with the stamp Configure left).
    /// </summary>
    public static async Task<IReadOnlyList<CompileResult>> CompileAndRecordAsync(
        Recipe recipe, BuildPaths paths, CompileHost host, IProcessGateway gateway, ICakeLog log, ProgressReporter progress,
        IReadOnlyDictionary<string, TimeSpan> earlierDurations, CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Artifacts);
        var tree = new GitTree(paths.Source, gateway);
        var stamp = (tree.Exists ? InputStamp.Read(tree) : null)
            ?? throw new UsageException(
                $"{paths.Source} has not been fetched and configured by tfwheel yet: run Compile without --exclusive (or the Configure target first).");
        await RemotePreflight.EnsureAnsweringAsync(recipe.Bazel.Remote, log, ct);
        var built = new List<CompileResult>();
        foreach (var one in recipe.PerPython)
        {
            if (recipe.Pythons.Count > 1)
            {
                log.InfoText($"Compile: Python {one.Python} ({built.Count + 1} of {recipe.Pythons.Count})");
            }

            built.Add(await WheelCompiler.CompileAsync(one, paths, gateway, log, progress, ct));
        }

        WheelCompiler.RemoveOtherWheels(paths.Artifacts, built.Select(b => b.WheelPath), log);
        var durations = new SortedDictionary<string, TimeSpan>(earlierDurations.ToDictionary(), StringComparer.Ordinal)
        {
            ["compile"] = TimeSpan.FromTicks(built.Sum(b => b.Duration.Ticks)),
        };
        await BuildManifest.WriteCompileAsync(paths, recipe, stamp, built, host.Platform, durations, ct);
        return built;
    }
}
