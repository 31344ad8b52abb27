using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Source;

/// <summary>
/// A branch moves, and so can a tag: before Fetch, Patch and Configure are skipped as "inputs unchanged",
/// tensorflow.ref is resolved upstream again with <c>git ls-remote</c> and compared with the commit the
/// input stamp recorded. A 40-hex tensorflow.commit pin (or a ref that is itself a commit id) cannot move,
/// so it needs no network.
/// </summary>
public static class UpstreamRef
{
    /// <summary>Whether the recipe names its commit exactly (nothing to ask upstream).</summary>
    public static bool IsPinned(TensorflowSource tf) => tf.Commit is not null || IsCommitId(tf.Ref);

    public static PlannedStep LsRemote(Recipe recipe, BuildPaths paths) =>
        new("fetch", $"Ask tensorflow.repository which commit {recipe.Tensorflow.Ref} is now (only for a ref that can move)")
        {
            // ls-remote matches patterns against whole trailing path components, so an annotated tag's peeled
            // "NAME^{}" line only shows when asked for by its own pattern.
            Argv = ["git", "ls-remote", "--end-of-options", SourceFetcher.ResolveRepository(recipe.Tensorflow.Repository, paths.Root), recipe.Tensorflow.Ref, recipe.Tensorflow.Ref + "^{}"],
            Env = SourcePlanner.GitEnv,
        };

    /// <summary>
    /// Null when the ref still points at <paramref name="stampedCommit"/> (or is pinned); otherwise a sentence
    /// saying where it went, for the log. A ref upstream no longer has counts as moved: Fetch then says so.
    /// </summary>
    /// <exception cref="ProcessFailedException">git ls-remote failed (repository unreachable).</exception>
    public static async Task<string?> MovedAsync(Recipe recipe, BuildPaths paths, string stampedCommit, IProcessGateway gateway, CancellationToken ct)
    {
        var tf = recipe.Tensorflow;
        if (IsPinned(tf))
        {
            return null;
        }

        var listing = (await StepProcess.RunOrThrowAsync(LsRemote(recipe, paths), gateway, ct,
            $"tfwheel checks whether '{tf.Ref}' moved upstream before reusing the tree. Check that {tf.Repository} is reachable, " +
            "or pin tensorflow.commit to build without asking it.")).StandardOutput;
        var now = Resolve(listing, tf.Ref);
        if (now is null)
        {
            return $"Fetch: {tf.Ref} is no longer in {tf.Repository}; fetching again";
        }

        return string.Equals(now, stampedCommit, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Fetch: {tf.Ref} moved upstream from {stampedCommit} to {now}; fetching again";
    }

    /// <summary>
    /// The commit a short ref names in <c>git ls-remote</c> output, with git's own precedence for a short name
    /// (ref_rev_parse_rules in git's refs.c: NAME, refs/NAME, refs/tags/NAME, refs/heads/NAME); an annotated
    /// tag is peeled to its commit (the "NAME^{}" line).
    /// </summary>
    public static string? Resolve(string lsRemoteOutput, string gitRef)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lsRemoteOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(100_000))
        {
            var parts = line.Split('\t', 2);
            if (parts.Length == 2 && IsCommitId(parts[0]))
            {
                refs[parts[1]] = parts[0];
            }
        }

        foreach (var name in new[] { gitRef, "refs/" + gitRef, "refs/tags/" + gitRef, "refs/heads/" + gitRef })
        {
            if (refs.TryGetValue(name + "^{}", out var peeled) || refs.TryGetValue(name, out peeled))
            {
                return peeled;
            }
        }

        return null;
    }

    private static bool IsCommitId(string text) => text.Length == 40 && text.All(char.IsAsciiHexDigit);
}
