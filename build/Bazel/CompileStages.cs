using Cake.Core.Diagnostics;
using Tfwheel.Artifacts;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;
using Tfwheel.Source;

namespace Tfwheel.Bazel;

/// <summary>
/// Fetch -> Patch -> Configure -> Compile for one recipe, then the manifest. Fetch, Patch and Configure
/// are skipped when the input stamp says nothing they depend on changed; bazel decides what to rebuild.
/// </summary>
public static class CompileStages
{
    public static Task<PipelineResult> RunAsync(Recipe recipe, BuildPaths paths, CompileHost host, IProcessGateway gateway, ICakeLog log, CancellationToken ct) =>
        RunAsync(recipe, paths, host, gateway, log, ProgressReporter.ForConsole(log), ct);

    public static async Task<PipelineResult> RunAsync(
        Recipe recipe, BuildPaths paths, CompileHost host, IProcessGateway gateway, ICakeLog log, ProgressReporter progress, CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Artifacts);
        var tree = new GitTree(paths.Source, gateway);
        var recipeSha = RecipeJson.Sha256(recipe);
        var bazelrcUser = BazelrcUser.Render(recipe, host.Home);
        var durations = new SortedDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var stamp = tree.Exists ? InputStamp.Read(tree) : null;
        var skipped = stamp is not null && await stamp.StillHoldsAsync(recipeSha, recipe.Patches, bazelrcUser, tree, ct);
        if (skipped)
        {
            // The host check is cheap and must hold even when nothing changed (a copied work folder).
            HostRequirement.EnsureCanBuild(recipe, host.Platform);
            log.InfoText($"Fetch, Patch, Configure: skipped; recipe, patches and tree are unchanged since {stamp!.Written:u} (commit {stamp.Commit})");
        }
        else
        {
            var fetch = await SourceFetcher.FetchAsync(recipe, paths, gateway, log, ct);
            durations["fetch"] = fetch.Duration;
            var patches = await PatchSeries.ApplyAsync(recipe, paths, gateway, log, ct);
            durations["patch"] = patches.Duration;
            var configure = await TreeConfigurer.ConfigureAsync(recipe, paths, host, gateway, log, ct);
            durations["configure"] = configure.Duration;
            stamp = new InputStamp(
                recipeSha, patches.Patches, fetch.Commit, await tree.WorktreeHashAsync(ct), Hashing.Sha256Text(bazelrcUser), configure.BazelVersion, DateTimeOffset.UtcNow);
            await stamp.WriteAsync(tree, ct);
        }

        var compile = await WheelCompiler.CompileAsync(recipe, paths, gateway, log, progress, ct);
        durations["compile"] = compile.Duration;
        await BuildManifest.WriteCompileAsync(paths, recipe, stamp, compile, host.Platform, durations, ct);
        return new PipelineResult(skipped, stamp, compile, paths.Manifest);
    }
}
