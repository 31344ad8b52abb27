using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Source;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Source;

public class SourceFetcherTests
{
    [Fact]
    public async Task A_fresh_fetch_checks_out_the_pinned_commit_and_a_second_fetch_reuses_the_clone()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe();
        var paths = ws.Paths(recipe);

        var first = await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);
        var second = await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal(ws.Commit, first.Commit);
        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(ws.Commit, await Git.RunAsync(paths.Source, "rev-parse", "HEAD"));
        Assert.True(File.Exists(Path.Combine(paths.Source, "configure.py")));
        Assert.Equal("true", await Git.RunAsync(paths.Source, "rev-parse", "--is-shallow-repository"));
    }

    [Fact]
    public async Task A_file_url_mirror_is_fetched_like_a_remote()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe();
        recipe = recipe with { Tensorflow = recipe.Tensorflow with { Repository = new Uri(ws.Origin).AbsoluteUri } };

        var result = await SourceFetcher.FetchAsync(recipe, ws.Paths(recipe), new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal(ws.Commit, result.Commit);
    }

    [Fact]
    public async Task A_pin_that_differs_from_the_ref_fails_with_both_hashes()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe();
        const string pin = "0123456789abcdef0123456789abcdef01234567";
        recipe = recipe with { Tensorflow = recipe.Tensorflow with { Commit = pin } };

        var e = await Assert.ThrowsAsync<SourceException>(() => SourceFetcher.FetchAsync(recipe, ws.Paths(recipe), new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains(pin, e.Message);
        Assert.Contains(ws.Commit, e.Message);
        Assert.Equal(ExitCodes.Source, e.ExitCode);
    }

    [Fact]
    public async Task Local_changes_in_the_tree_are_refused_with_how_to_reset()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe();
        var paths = ws.Paths(recipe);
        await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);
        File.AppendAllText(Path.Combine(paths.Source, "configure.py"), "# edited by hand\n");

        var e = await Assert.ThrowsAsync<SourceException>(() => SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("configure.py", e.Message);
        Assert.Contains($"git -C {paths.Source} reset --hard", e.Message);
    }

    [Fact]
    public async Task A_tree_holding_only_our_patches_is_not_local_changes()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe() with { Patches = [ws.WritePatch("0001-add-scale.patch", TestPatches.AddScale)] };
        var paths = ws.Paths(recipe);
        await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);
        await PatchSeries.ApplyAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);

        var again = await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal(ws.Commit, again.Commit);
        Assert.Contains("tfwheel_fixture_scale", File.ReadAllText(Path.Combine(paths.Source, "tensorflow", "core", "kernels", "matmul_op.c")));
    }

    [Fact]
    public async Task A_patch_dropped_from_the_recipe_is_undone_by_the_next_fetch()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var patched = ws.Recipe() with { Patches = [ws.WritePatch("0001-add-scale.patch", TestPatches.AddScale)] };
        var paths = ws.Paths(patched);
        await SourceFetcher.FetchAsync(patched, paths, new ProcessGateway(log), log, CancellationToken.None);
        await PatchSeries.ApplyAsync(patched, paths, new ProcessGateway(log), log, CancellationToken.None);

        await SourceFetcher.FetchAsync(ws.Recipe(), paths, new ProcessGateway(log), log, CancellationToken.None);

        Assert.DoesNotContain("tfwheel_fixture_scale", File.ReadAllText(Path.Combine(paths.Source, "tensorflow", "core", "kernels", "matmul_op.c")));
        Assert.Equal("", await Git.RunAsync(paths.Source, "status", "--porcelain"));
    }
}
