using System.Text.Json;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Source;

namespace Tfwheel.Pipeline;

/// <summary>
/// What Fetch, Patch and Configure last produced from which inputs. When the recipe, the patch files,
/// the tree (commit and content) and the written .bazelrc.user are all unchanged, those stages are
/// skipped and bazel's own incrementality does the rest. Kept in the tree's .git/tfwheel/ folder.
/// </summary>
public sealed record InputStamp(
    string RecipeSha256,
    IReadOnlyList<PatchOutcome> Patches,
    string Commit,
    string TreeHash,
    string BazelrcUserSha256,
    string? BazelVersion,
    DateTimeOffset Written)
{
    public const string FileName = "inputs.json";

    public static InputStamp? Read(GitTree tree)
    {
        var path = Path.Combine(tree.NotesDirectory, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<InputStamp>(File.ReadAllText(path), StateJson.Options) : null;
        }
        catch (JsonException)
        {
            return null; // an unreadable stamp only means the stages run again
        }
    }

    public Task WriteAsync(GitTree tree, CancellationToken ct)
    {
        Directory.CreateDirectory(tree.NotesDirectory);
        return AtomicFile.WriteAllTextAsync(Path.Combine(tree.NotesDirectory, FileName), JsonSerializer.Serialize(this, StateJson.Options), ct);
    }

    /// <summary>Whether the inputs and the tree are still what this stamp recorded; the cheap checks go first.</summary>
    public async Task<bool> StillHoldsAsync(string recipeSha256, IReadOnlyList<string> patchFiles, string bazelrcUserContent, GitTree tree, CancellationToken ct)
    {
        if (recipeSha256 != RecipeSha256 || patchFiles.Count != Patches.Count)
        {
            return false;
        }

        if (patchFiles.Zip(Patches).Any(p => p.First != p.Second.Path || !File.Exists(p.First) || Hashing.Sha256File(p.First) != p.Second.Sha256))
        {
            return false;
        }

        var bazelrcUser = Path.Combine(tree.Path, BazelrcUser.FileName);
        if (Hashing.Sha256Text(bazelrcUserContent) != BazelrcUserSha256 || !File.Exists(bazelrcUser) || File.ReadAllText(bazelrcUser) != bazelrcUserContent)
        {
            return false;
        }

        return await tree.HeadAsync(ct) == Commit && await tree.WorktreeHashAsync(ct) == TreeHash;
    }
}
