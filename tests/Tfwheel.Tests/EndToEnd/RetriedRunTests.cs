using Tfwheel.Errors;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>What a retried or doubled CI job meets: a run already building the recipe, a run killed mid-build, a wheel from another configuration.</summary>
[Collection(BazelCollection.Name)]
public sealed class RetriedRunTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await TfShapedWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task A_second_run_fails_at_once_naming_the_first_and_after_the_first_is_sigkilled_a_rerun_takes_over_and_builds()
    {
        var marker = Path.Combine(_ws.ProjectRoot, "slow");
        File.WriteAllText(marker, "");
        _ws.WritePatch("0001-slow.patch", TestPatches.WaitWhile(marker));
        TestRecipe.Write(_ws, "slow", top: "patches: [../patches/0001-slow.patch]");
        using var first = BackgroundTfwheel.Start(_ws.ProjectRoot, "--target=Compile", "--recipe=slow", "--verbosity=verbose");
        await first.WaitForLineAsync("INFO: Found 1 target", TimeSpan.FromMinutes(3)); // bazel is building: the slow genrule waits on the marker

        var second = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=slow");
        await first.SignalAsync("KILL");
        await first.WaitForExitAsync(TimeSpan.FromMinutes(1));
        File.Delete(marker);
        var rerun = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=slow");

        var refused = TfwheelProcess.Output(second);
        Assert.True(second.ExitCode == ExitCodes.Host, refused);
        Assert.Contains($"is held by another tfwheel run (pid {first.Id} on {Environment.MachineName}, target Compile, started ", refused);
        Assert.DoesNotContain("+ git", refused); // it touched nothing
        Assert.Equal(137, first.ExitCode); // 128 + SIGKILL: nothing ran on the way out
        var output = TfwheelProcess.Output(rerun);
        Assert.True(rerun.ExitCode == 0, output);
        Assert.Contains($"took over {Path.Combine(_ws.ProjectRoot, "artifacts", "slow")}.lock, left by a run that ended without releasing it (pid {first.Id}", output);
        Assert.Single(Directory.GetFiles(Path.Combine(_ws.ProjectRoot, "artifacts", "slow"), "*.whl"));
        Assert.False(File.Exists(Path.Combine(_ws.ProjectRoot, "artifacts", "slow.lock.json"))); // released at the end
    }

    [Fact]
    public async Task After_set_python_the_wheel_of_the_earlier_python_is_removed_so_artifacts_hold_exactly_the_wheel_built()
    {
        TestRecipe.Write(_ws, "py");
        var first = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=py");
        Assert.True(first.ExitCode == 0, TfwheelProcess.Output(first));

        var second = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=py", "--set", "python=3.12");

        var output = TfwheelProcess.Output(second);
        Assert.True(second.ExitCode == 0, output);
        var wheel = Assert.Single(Directory.GetFiles(Path.Combine(_ws.ProjectRoot, "artifacts", "py"), "*.whl"));
        Assert.Equal($"tensorflow_cpu-{_ws.Version}-cp312-cp312-linux_x86_64.whl", Path.GetFileName(wheel));
        Assert.Contains($"Compile: removed tensorflow_cpu-{_ws.Version}-cp311-cp311-linux_x86_64.whl, left by an earlier build", output);
    }
}
