using Tfwheel.Files;
using Tfwheel.Processes;

namespace Tfwheel.Source;

/// <summary>
/// Read-only questions about the TensorFlow work tree, and where tfwheel keeps its notes about it
/// (inside .git, so the notes go when the tree goes).
/// </summary>
public sealed class GitTree(string tree, IProcessGateway gateway)
{
    /// <summary>Files Configure and bazel write into the tree; never "local changes" (TF's .gitignore lists most of them too).</summary>
    public static readonly IReadOnlyList<string> GeneratedPathspecs =
        [":(exclude).bazelrc.user", ":(exclude).tf_configure.bazelrc", ":(exclude)tools/python_bin_path.sh", ":(exclude,glob)bazel-*"];

    /// <summary>The same files as pathspecs git rm understands (for trees whose .gitignore does not list them).</summary>
    private static readonly IReadOnlyList<string> GeneratedFiles =
        [".bazelrc.user", ".tf_configure.bazelrc", "tools/python_bin_path.sh", ":(glob)bazel-*"];

    public string Path => tree;

    public bool Exists => Directory.Exists(System.IO.Path.Combine(tree, ".git"));

    public string NotesDirectory => System.IO.Path.Combine(tree, ".git", "tfwheel");

    /// <summary>The worktree hash recorded after the last successful patch series.</summary>
    public string PatchedTreeFile => System.IO.Path.Combine(NotesDirectory, "patched-tree");

    public async Task<string?> HeadAsync(CancellationToken ct)
    {
        var result = await RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], ct);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>
    /// A git tree id for the working tree as it is now (tracked and untracked files, .gitignore honoured,
    /// generated files left out), computed in a scratch index so the real index is untouched. Equal ids
    /// mean equal content; it is how a tree holding exactly our patches is told from one edited by hand.
    /// </summary>
    public async Task<string> WorktreeHashAsync(CancellationToken ct)
    {
        var scratch = System.IO.Path.Combine(tree, ".git", "tfwheel-index-" + Guid.NewGuid().ToString("N"));
        var index = System.IO.Path.Combine(tree, ".git", "index");
        try
        {
            if (File.Exists(index))
            {
                File.Copy(index, scratch); // start from the real index so unchanged files are not rehashed
            }

            await RunAsync(["add", "--all", "--", "."], ct, scratch, check: true);
            await RunAsync(["rm", "--cached", "-r", "--quiet", "--ignore-unmatch", "--", .. GeneratedFiles], ct, scratch, check: true);
            return (await RunAsync(["write-tree"], ct, scratch, check: true)).StandardOutput.Trim();
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    public async Task<ProcessResult> RunAsync(IReadOnlyList<string> args, CancellationToken ct, string? indexFile = null, bool check = false)
    {
        var spec = new ProcessSpec("git", ["-C", tree, .. args])
        {
            Environment = SourcePlanner.GitEnv.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
            Echo = false,
            StreamOutput = false,
        };
        if (indexFile is not null)
        {
            spec = spec.WithEnvironment("GIT_INDEX_FILE", indexFile);
        }

        var result = await gateway.RunAsync(spec, cancellation: ct);
        return check ? result.EnsureSuccess() : result;
    }

    /// <summary>Records the tree hash after patching, then the SHA-256 of each patch applied, one per line.</summary>
    public async Task RecordPatchedTreeAsync(IEnumerable<string> patchSha256s, CancellationToken ct)
    {
        Directory.CreateDirectory(NotesDirectory);
        await AtomicFile.WriteAllTextAsync(PatchedTreeFile, string.Join('\n', [await WorktreeHashAsync(ct), .. patchSha256s]) + "\n", ct);
    }

    public string? RecordedPatchedTree => RecordedLines.FirstOrDefault();

    public IReadOnlyList<string> RecordedPatches => RecordedLines.Skip(1).ToList();

    private string[] RecordedLines => File.Exists(PatchedTreeFile) ? File.ReadAllLines(PatchedTreeFile).Where(l => l.Length > 0).ToArray() : [];
}
