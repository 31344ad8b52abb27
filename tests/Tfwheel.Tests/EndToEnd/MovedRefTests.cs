using System.Text.Json;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// A re-run after upstream moved: the branch or tag is resolved again with git ls-remote and the new commit
/// is fetched and built; a commit pin is reused without asking the repository at all.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class MovedRefTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await TfShapedWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task A_branch_that_moved_upstream_is_fetched_again_and_the_new_commit_is_built()
    {
        TestRecipe.Write(_ws, "branch", gitRef: "main");
        var first = await CompileAsync("branch");
        Assert.Equal(_ws.Commit, ManifestCommit("branch"));
        var again = await CompileAsync("branch");
        Assert.Contains("Skipping task: inputs unchanged", again); // nothing moved: the tree is reused

        var moved = await CommitUpstreamAsync();
        var third = await CompileAsync("branch");

        Assert.Contains($"Fetch: main moved upstream from {_ws.Commit} to {moved}; fetching again", third);
        Assert.Contains($"Fetch: main = {moved}", third);
        Assert.Equal(moved, ManifestCommit("branch"));
        Assert.DoesNotContain("moved upstream", first + again);
    }

    [Fact]
    public async Task A_tag_moved_to_another_commit_upstream_is_fetched_again_peeling_an_annotated_tag()
    {
        TestRecipe.Write(_ws, "tag");
        await CompileAsync("tag");

        var moved = await CommitUpstreamAsync();
        await Git.RunAsync(_ws.Origin, "tag", "--force", "--annotate", "-m", "retagged", _ws.Tag, moved);
        var rerun = await CompileAsync("tag");

        Assert.Contains($"Fetch: {_ws.Tag} moved upstream from {_ws.Commit} to {moved}; fetching again", rerun);
        Assert.Equal(moved, ManifestCommit("tag"));
    }

    [Fact]
    public async Task A_commit_pin_is_reused_without_asking_the_repository()
    {
        TestRecipe.Write(_ws, "pinned", tensorflow: $"commit: {_ws.Commit}");
        await CompileAsync("pinned");

        Directory.Move(_ws.Origin, _ws.Origin + "-gone"); // any git ls-remote or fetch would fail now
        try
        {
            var rerun = await CompileAsync("pinned");

            Assert.Contains("Skipping task: inputs unchanged", rerun);
            Assert.DoesNotContain("ls-remote", rerun);
            Assert.Equal(_ws.Commit, ManifestCommit("pinned"));
        }
        finally
        {
            Directory.Move(_ws.Origin + "-gone", _ws.Origin);
        }
    }

    private async Task<string> CompileAsync(string recipe)
    {
        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", $"--recipe={recipe}", "--verbosity=verbose");
        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        return output;
    }

    /// <summary>A new commit on main upstream that changes a file the build does not read.</summary>
    private async Task<string> CommitUpstreamAsync()
    {
        File.AppendAllText(Path.Combine(_ws.Origin, "README.md"), "\nA later commit upstream.\n");
        await Git.RunAsync(_ws.Origin, "commit", "--quiet", "--all", "-m", "later");
        return await Git.RunAsync(_ws.Origin, "rev-parse", "HEAD");
    }

    private string ManifestCommit(string recipe)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_ws.ProjectRoot, "artifacts", recipe, "manifest.json")));
        return manifest.RootElement.GetProperty("tensorflow").GetProperty("commit").GetString()!;
    }
}
