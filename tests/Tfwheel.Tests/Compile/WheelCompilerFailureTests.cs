using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Pipeline;
using Tfwheel.Processes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Compile;

/// <summary>Real bazel builds that fail or are interrupted, and how that is reported.</summary>
[Collection(BazelCollection.Name)]
public class WheelCompilerFailureTests
{
    [Fact]
    public async Task A_failed_build_reports_the_first_failing_action_with_label_mnemonic_and_stderr()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe() with { Patches = [ws.WritePatch("0001-break.patch", TestPatches.BreakCompile)] };
        var paths = ws.Paths(recipe);

        var e = await Assert.ThrowsAsync<StepFailedException>(() => CompileStages.RunAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None));

        Assert.Equal(ExitCodes.Build, e.ExitCode);
        Assert.Contains("bazel exited with code 1: the build failed", e.Message);
        Assert.Contains("First failing action: Genrule in //tensorflow/core/kernels:framework", e.Message);
        Assert.Contains("broken on purpose by a tfwheel test patch", e.Message);
        Assert.Contains(Path.Combine(paths.Artifacts, "bazel.log"), e.Message);
        Assert.Contains("broken on purpose", File.ReadAllText(Path.Combine(paths.Artifacts, "bazel.log")));
    }

    [Fact]
    public async Task Cancelling_a_build_stops_bazel_gracefully_with_the_interrupted_exit_code_and_a_rerun_finishes()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var marker = Path.Combine(ws.ProjectRoot, "slow");
        File.WriteAllText(marker, "");
        var recipe = ws.Recipe() with { Patches = [ws.WritePatch("0001-slow.patch", TestPatches.WaitWhile(marker))] };
        var paths = ws.Paths(recipe);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        log.OnLine = line =>
        {
            if (line.StartsWith("INFO: Found 1 target", StringComparison.Ordinal))
            {
                ctrlC.CancelAfter(TimeSpan.FromSeconds(3)); // execution has started; the slow action is running
            }
        };

        var e = await Assert.ThrowsAsync<StepFailedException>(() => CompileStages.RunAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, ctrlC.Token));

        Assert.Equal(ExitCodes.Interrupted, e.ExitCode);
        Assert.Contains("interrupted", e.Message);
        var bazelLog = File.ReadAllText(Path.Combine(paths.Artifacts, "bazel.log"));
        Assert.Contains("tfwheel: interrupted", bazelLog);
        Assert.Contains("Bazel caught interrupt signal", bazelLog); // SIGINT reached bazel: an orderly stop, not a kill

        File.Delete(marker);
        log.OnLine = null;
        var rerun = await CompileStages.RunAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None);
        Assert.True(rerun.SourceStagesSkipped);
        Assert.True(File.Exists(rerun.Compile.WheelPath));
    }
}
