using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// A full disk through the real program: the artifacts folder on a tiny tmpfs mounted in a private mount
/// namespace (util-linux unshare; as root, or mapped to root in a user namespace), so nothing outside the
/// run sees it and it disappears with the run.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class DiskFullTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await TfShapedWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task A_full_disk_under_bazel_log_exits_11_naming_the_file_and_the_free_space_and_says_the_log_is_incomplete()
    {
        TestRecipe.Write(_ws, "full");
        var configured = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Configure", "--recipe=full");
        Assert.True(configured.ExitCode == 0, TfwheelProcess.Output(configured));
        var small = Path.Combine(_ws.ProjectRoot, "small");
        Directory.CreateDirectory(small);

        // 8 KiB: the lock's note takes one 4 KiB page, bazel.log and bazel's build events fight over the other.
        var result = await RunOnTmpfsAsync(small, "8k", fill: false, "--target=Compile", "--exclusive", "--recipe=full", $"--artifacts-dir={small}/artifacts");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.DiskFull, output);
        // Whether bazel's build events or bazel.log got the last page, the log cannot hold bazel's output: it says so.
        Assert.Contains($"Disk full: could not write {small}/artifacts/bazel.log (bazel.log is incomplete: writing stopped there, ", output);
        Assert.Matches(@"No space left on device.*\. [\d,]+ bytes free of 8,192 on the volume holding " + System.Text.RegularExpressions.Regex.Escape(small), output);
        Assert.Contains("(exit code 12)", output);
    }

    [Fact]
    public async Task A_report_written_to_a_full_disk_exits_11_naming_the_report_and_the_free_space()
    {
        var wheel = Support.TestWheel.Build(Smoke.SmokeTestPaths.TestDouble, Path.Combine(_ws.ProjectRoot, "dist"), Support.TestWheel.HostPlatformTag());
        TestRecipe.Write(_ws, "any");
        var full = Path.Combine(_ws.ProjectRoot, "full");
        Directory.CreateDirectory(full);

        var result = await RunOnTmpfsAsync(full, "64k", fill: true, "--target=Verify", "--exclusive", "--recipe=any", $"--wheel={wheel}", $"--artifacts-dir={full}/out");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.DiskFull, output);
        Assert.Contains($"Disk full: could not write {full}/out/verify-py3.json: No space left on device", output);
        Assert.Contains($"0 bytes free of 65,536 on the volume holding {full}/out.", output);
    }

    /// <summary>
    /// tfwheel with <paramref name="mountPoint"/> as a fresh tmpfs of <paramref name="size"/> (filled up first
    /// when <paramref name="fill"/>), visible to it and its children only.
    /// </summary>
    private async Task<ProcessResult> RunOnTmpfsAsync(string mountPoint, string size, bool fill, params string[] args)
    {
        var root = Environment.UserName == "root" ? Array.Empty<string>() : ["--map-root-user"];
        var filler = fill ? "{ cat /dev/zero > \"$2/filler\" 2>/dev/null; true; } && " : "";
        var spec = new ProcessSpec("unshare", [
            .. root, "--mount", "--propagation", "private", "sh", "-c", $"mount -t tmpfs -o size=\"$1\" tmpfs \"$2\" && {filler}shift 2 && exec \"$@\"", "sh",
            size, mountPoint, "dotnet", TfwheelProcess.Program, .. args])
        {
            WorkingDirectory = _ws.ProjectRoot,
            Timeout = TimeSpan.FromMinutes(10),
            Echo = false,
            StreamOutput = false,
            TailLines = 2000,
            Environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null, ["NO_COLOR"] = "1", ["TERM"] = "dumb" },
        };
        return await new ProcessGateway(new TestLog()).RunAsync(spec);
    }
}
