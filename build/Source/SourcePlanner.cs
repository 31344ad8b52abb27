using System.Collections.Immutable;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Source;

/// <summary>
/// Turns a recipe into the exact git commands of Fetch and Patch. Pure: Plan prints the result and the
/// runners (<see cref="SourceFetcher"/>, <see cref="PatchSeries"/>) execute these same records.
/// </summary>
public static class SourcePlanner
{
    /// <summary>git must never prompt (no terminal, no credentials) and must speak English, because conflict reports are parsed.</summary>
    internal static readonly ImmutableSortedDictionary<string, string> GitEnv =
        ImmutableSortedDictionary.CreateRange<string, string>(StringComparer.Ordinal, [new("GIT_TERMINAL_PROMPT", "0"), new("LC_ALL", "C")]);

    public static FetchPlan PlanFetch(Recipe recipe, BuildPaths paths)
    {
        var tree = paths.Source;
        var repository = SourceFetcher.ResolveRepository(recipe.Tensorflow.Repository, paths.Root);
        return new FetchPlan(
            tree,
            Git("fetch", "Create an empty repository for the TensorFlow tree (only when there is no clone yet)", ["init", "--quiet", tree], null),
            Git("fetch", "Point the tree's origin at tensorflow.repository", ["config", "remote.origin.url", repository], tree),
            // A shallow fetch of just the ref: TensorFlow's full history is several GB. --end-of-options
            // keeps a ref that starts with '-' from being read as an option.
            Git("fetch", $"Fetch {recipe.Tensorflow.Ref} (depth 1)", ["fetch", "--depth=1", "--no-tags", "--end-of-options", "origin", recipe.Tensorflow.Ref], tree),
            Git("fetch", recipe.Tensorflow.Commit is { } pin ? $"Resolve the fetched commit and check it is the pinned {pin}" : "Resolve the fetched commit",
                ["rev-parse", "--verify", "FETCH_HEAD^{commit}"], tree),
            Git("fetch", "Refuse local changes that tfwheel's patch series did not make",
                ["status", "--porcelain=v1", "--untracked-files=all", "--", ".", .. GitTree.GeneratedPathspecs], tree),
            Git("fetch", "Drop files our patches added (only when a patched tree moves to another commit or patch list)", ["clean", "-d", "--force", "--quiet"], tree),
            Git("fetch", "Check out the fetched commit (only when the tree is elsewhere or holds another patch list)", ["checkout", "--quiet", "--force", "--detach", "FETCH_HEAD"], tree));
    }

    public static IReadOnlyList<PatchStep> PlanPatches(Recipe recipe, BuildPaths paths) =>
        recipe.Patches.Select(patch => new PatchStep(
            patch,
            Git("patch", $"Check that {Path.GetFileName(patch)} applies", ["apply", "--check", patch], paths.Source),
            Git("patch", $"If not, check whether {Path.GetFileName(patch)} is already applied (then skip it)", ["apply", "--check", "--reverse", patch], paths.Source),
            Git("patch", $"Apply {Path.GetFileName(patch)}", ["apply", patch], paths.Source))).ToList();

    private static PlannedStep Git(string stage, string description, IReadOnlyList<string> args, string? tree) =>
        new(stage, description) { Argv = tree is null ? ["git", .. args] : ["git", "-C", tree, .. args], Env = GitEnv };
}
