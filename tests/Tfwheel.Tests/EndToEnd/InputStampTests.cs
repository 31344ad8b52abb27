using Tfwheel.Errors;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The input stamp through the real program: Compile skips Fetch, Patch and Configure only while the
/// recipe, the patches and the tree are what the last Configure saw; any change makes the next run redo them.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class InputStampTests : IAsyncLifetime
{
    private const string Patch = """
        diff --git a/PATCHED.txt b/PATCHED.txt
        new file mode 100644
        --- /dev/null
        +++ b/PATCHED.txt
        @@ -0,0 +1 @@
        +{0}

        """;

    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync()
    {
        _ws = await TfShapedWorkspace.CreateAsync();
        _ws.WritePatch("0001-note.patch", string.Format(System.Globalization.CultureInfo.InvariantCulture, Patch, "first"));
        _ws.WriteRecipe(extra: "patches: [../patches/0001-note.patch]");
        var first = await CompileAsync();
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(first.SourceStagesRan, first.Output);
    }

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task An_unchanged_rerun_skips_the_source_stages()
    {
        var again = await CompileAsync();

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.False(again.SourceStagesRan, again.Output);
        Assert.Contains("Fetch, Patch, Configure: skipped; recipe, patches and tree are unchanged since", again.Output);
    }

    [Fact]
    public async Task A_changed_patch_makes_the_next_run_redo_fetch_patch_and_configure()
    {
        _ws.WritePatch("0001-note.patch", string.Format(System.Globalization.CultureInfo.InvariantCulture, Patch, "second"));

        var again = await CompileAsync();

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.True(again.SourceStagesRan, again.Output);
        Assert.Equal("second\n", File.ReadAllText(Path.Combine(_ws.ProjectRoot, ".work", "src", "linux-test", "PATCHED.txt")));
    }

    [Fact]
    public async Task A_changed_recipe_makes_the_next_run_redo_fetch_patch_and_configure()
    {
        _ws.WriteRecipe(extra: "patches: [../patches/0001-note.patch]\ndescription: the same build, described anew");

        var again = await CompileAsync();

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.True(again.SourceStagesRan, again.Output);
    }

    [Fact]
    public async Task A_dirty_tree_makes_the_next_run_redo_fetch_which_refuses_the_local_change()
    {
        File.AppendAllText(Path.Combine(_ws.ProjectRoot, ".work", "src", "linux-test", "configure.py"), "\n# edited by hand\n");

        var again = await CompileAsync();

        Assert.True(again.SourceStagesRan, again.Output);
        Assert.True(again.ExitCode == ExitCodes.Source, again.Output);
        Assert.Contains("configure.py", again.Output);
    }

    private async Task<(int ExitCode, string Output, bool SourceStagesRan)> CompileAsync()
    {
        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=linux-test");
        var output = TfwheelProcess.Output(result);
        // The gateway echoes every command it starts: Fetch's first git command shows it ran.
        return (result.ExitCode, output, output.Contains("+ git ", StringComparison.Ordinal));
    }
}
