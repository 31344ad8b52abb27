using System.Diagnostics;
using Cake.Core.Diagnostics;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Source;

/// <summary>
/// Fetch: brings the work tree to tensorflow.ref with a shallow fetch, reusing an existing clone, checks
/// the commit pin and refuses local changes that our patch series did not make.
/// </summary>
public static class SourceFetcher
{
    public static async Task<FetchResult> FetchAsync(Recipe recipe, BuildPaths paths, IProcessGateway gateway, ICakeLog log, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var plan = SourcePlanner.PlanFetch(recipe, paths);
        var git = new GitTree(plan.Tree, gateway);
        var reused = git.Exists;
        if (!reused)
        {
            Directory.CreateDirectory(plan.Tree);
            await StepProcess.RunOrThrowAsync(plan.Init, gateway, ct);
        }

        var ours = reused && await EnsureNoForeignChangesAsync(plan, git, gateway, ct);
        await StepProcess.RunOrThrowAsync(plan.SetRemote, gateway, ct);
        await StepProcess.RunOrThrowAsync(plan.Fetch, gateway, ct, $"Check that tensorflow.repository ({recipe.Tensorflow.Repository}) is reachable and has '{recipe.Tensorflow.Ref}'.");
        var fetched = (await StepProcess.RunOrThrowAsync(plan.Resolve, gateway, ct)).StandardOutput.Trim();
        if (recipe.Tensorflow.Commit is { } pin && !string.Equals(pin, fetched, StringComparison.OrdinalIgnoreCase))
        {
            throw new SourceException(
                $"Fetch: {recipe.Tensorflow.Ref} of {recipe.Tensorflow.Repository} is commit {fetched}, but the recipe pins tensorflow.commit {pin}. " +
                "The ref has moved (or the pin is wrong): check the ref upstream, then update tensorflow.commit or pick the ref that points at the pinned commit.");
        }

        // A tree patched by another patch list (the recipe dropped or changed a patch) goes back to the
        // pristine commit; Patch then applies the current list. Bazel compares contents, not times, so
        // files that come back identical are not rebuilt.
        var patchesChanged = ours && !git.RecordedPatches.SequenceEqual(recipe.Patches.Select(p => File.Exists(p) ? Hashing.Sha256File(p) : "missing"));
        if (await git.HeadAsync(ct) != fetched || patchesChanged)
        {
            if (ours)
            {
                await StepProcess.RunOrThrowAsync(plan.Clean, gateway, ct);
            }

            await StepProcess.RunOrThrowAsync(plan.Checkout, gateway, ct);
        }
        else
        {
            log.VerboseText($"Fetch: the tree is already at {fetched}; kept as is so bazel's incremental state stays valid");
        }

        log.InfoText($"Fetch: {recipe.Tensorflow.Ref} = {fetched} in {plan.Tree}{(reused ? " (existing clone)" : "")}");
        return new FetchResult(plan.Tree, fetched, reused, watch.Elapsed);
    }

    /// <summary>
    /// A URL (scheme://, user@host:path) or file:// mirror is used as is; a local path is made absolute
    /// against the project root, so a recipe can name a mirror folder next to it.
    /// </summary>
    public static string ResolveRepository(string repository, string root)
    {
        if (repository.Contains("://", StringComparison.Ordinal) || (repository.Contains(':') && repository.Contains('@') && !Path.IsPathRooted(repository)))
        {
            return repository;
        }

        return Path.GetFullPath(repository, root);
    }

    /// <summary>Returns true when the tree is dirty only with our patches (recorded after Patch); throws on anything else.</summary>
    private static async Task<bool> EnsureNoForeignChangesAsync(FetchPlan plan, GitTree git, IProcessGateway gateway, CancellationToken ct)
    {
        var status = (await StepProcess.RunOrThrowAsync(plan.Status, gateway, ct)).StandardOutput;
        var changes = status.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (changes.Length == 0)
        {
            return false;
        }

        if (git.RecordedPatchedTree is { } recorded && recorded == await git.WorktreeHashAsync(ct))
        {
            return true;
        }

        var shown = string.Join(Environment.NewLine, changes.Take(10).Select(c => "  " + c));
        var more = changes.Length > 10 ? $"{Environment.NewLine}  ... and {changes.Length - 10} more" : "";
        throw new SourceException(
            $"Fetch: the TensorFlow tree {plan.Tree} has local changes that tfwheel's patch series did not make:{Environment.NewLine}{shown}{more}{Environment.NewLine}" +
            $"Save what you need (as a patch in the recipe, for example), then reset the tree with: " +
            $"git -C {CommandLine.Quote(plan.Tree)} reset --hard && git -C {CommandLine.Quote(plan.Tree)} clean -d --force");
    }
}

/// <summary>The tree Fetch left: where it is and the commit checked out.</summary>
/// <param name="Reused">An existing clone was updated rather than a new one made.</param>
public sealed record FetchResult(string Tree, string Commit, bool Reused, TimeSpan Duration);
