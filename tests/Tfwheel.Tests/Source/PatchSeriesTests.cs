using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Source;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Source;

public class PatchSeriesTests
{
    [Fact]
    public async Task Patches_apply_in_order_and_a_rerun_skips_the_applied_ones()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var patch = ws.WritePatch("0001-add-scale.patch", TestPatches.AddScale);
        var recipe = ws.Recipe() with { Patches = [patch] };
        var paths = ws.Paths(recipe);
        await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);

        var first = await PatchSeries.ApplyAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);
        var second = await PatchSeries.ApplyAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);

        Assert.False(Assert.Single(first.Patches).AlreadyApplied);
        Assert.True(Assert.Single(second.Patches).AlreadyApplied);
        Assert.Equal(Hashing(patch), second.Patches[0].Sha256);
        Assert.Contains("already applied; skipped", log.Text);
    }

    [Fact]
    public async Task A_conflicting_patch_names_patch_file_and_hunk_and_leaves_the_tree_as_before_it()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe() with
        {
            Patches = [ws.WritePatch("0001-add-scale.patch", TestPatches.AddScale), ws.WritePatch("0002-conflict.patch", TestPatches.Conflicting)],
        };
        var paths = ws.Paths(recipe);
        await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);
        var kernel = Path.Combine(paths.Source, "tensorflow", "core", "kernels", "matmul_op.c");

        var e = await Assert.ThrowsAsync<SourceException>(() => PatchSeries.ApplyAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("0002-conflict.patch", e.Message);
        Assert.Contains("tensorflow/core/kernels/matmul_op.c", e.Message);
        Assert.Contains("hunk #2 (@@ -5,4 +5,4 @@", e.Message);
        var text = File.ReadAllText(kernel);
        Assert.Contains("tfwheel_fixture_scale", text); // patch 1 stays
        Assert.Contains("A stand-in for a TensorFlow kernel", text); // hunk #1 of patch 2 was not half-applied
    }

    [Fact]
    public async Task A_patch_outside_the_project_and_recipe_folder_is_refused()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        using var elsewhere = new TempDirectory();
        var outside = elsewhere.Combine("evil.patch");
        File.WriteAllText(outside, TestPatches.AddScale);
        var log = new TestLog();
        var recipe = ws.Recipe() with { Patches = [outside] };
        var paths = ws.Paths(recipe);
        await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);

        var e = await Assert.ThrowsAsync<UsageException>(() => PatchSeries.ApplyAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("outside the project", e.Message);
    }

    private static string Hashing(string path) => Tfwheel.Files.Hashing.Sha256File(path);
}
