using System.Text.Json;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// bazel.remote.executor through the real program against a real Remote Execution API server (Bazel's own
/// remote worker, see <see cref="RemoteWorker"/>) with Debian's Bazel 4.2.3.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class RemoteExecutionTests : IAsyncLifetime
{
    private const string KeyVariable = "TFWHEEL_TEST_EXECUTOR_KEY";
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await TfShapedWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task Actions_run_on_the_remote_executor_the_manifest_counts_them_and_the_header_value_stays_secret()
    {
        await using var worker = await RemoteWorker.StartAsync();
        TestRecipe.Write(_ws, "remote", $"  remote: {{ executor: \"{worker.Url}\", download: toplevel, header-env: {{ x-tfwheel-key: {KeyVariable} }} }}");
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");

        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, new Dictionary<string, string?> { [KeyVariable] = secret }, "--target=Compile", "--recipe=remote");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output + "\nworker:\n" + worker.Log);
        var artifacts = Path.Combine(_ws.ProjectRoot, "artifacts", "remote");
        var log = File.ReadAllText(Path.Combine(artifacts, "bazel.log"));
        Assert.Matches(@"INFO: \d+ processes: .*\b2 remote\b", log); // the two genrules (the .so and the wheel) ran on the worker
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, "manifest.json")));
        var processes = manifest.RootElement.GetProperty("wheels")[0].GetProperty("bazel").GetProperty("processes");
        Assert.Equal(2, processes.GetProperty("remote").GetInt64());
        Assert.Equal(0, processes.GetProperty("local").GetInt64());
        Assert.Equal(0, processes.GetProperty("cacheHits").GetInt64());
        // Bazel 4 needs both in-memory flags for remote.download: toplevel; tfwheel adds them for bazel.version 4.
        var bazelrcUser = File.ReadAllText(Path.Combine(_ws.ProjectRoot, ".work", "src", "remote", ".bazelrc.user"));
        Assert.Contains("build --experimental_inmemory_jdeps_files\n", bazelrcUser);
        Assert.Contains("build --experimental_inmemory_dotd_files\n", bazelrcUser);
        Assert.Single(Directory.GetFiles(artifacts, "*.whl"));
        Assert.Contains("--remote_header=x-tfwheel-key=***", output);
        Assert.DoesNotContain(secret, output);
        Assert.DoesNotContain(secret, log);
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(artifacts, "manifest.json")));
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(artifacts, CompilePlanner.BuildEventFileName)));
        Assert.DoesNotContain(secret, bazelrcUser);
    }

    [Fact]
    public async Task An_unreachable_executor_fails_before_bazel_builds_and_names_the_address()
    {
        var address = $"grpc://127.0.0.1:{RemoteWorker.FreePort()}";
        TestRecipe.Write(_ws, "remote", $"  remote: {{ executor: \"{address}\" }}");

        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=remote");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Host, output);
        Assert.Contains($"Compile: bazel.remote.executor {address} does not answer: 127.0.0.1:", output);
        Assert.Contains("connection refused", output);
        Assert.DoesNotContain("+ bazel --output_user_root", output); // no build started, and never a silent local one
        Assert.False(File.Exists(Path.Combine(_ws.ProjectRoot, "artifacts", "remote", "bazel.log")));
    }

    [Fact]
    public async Task Without_bazel_version_a_bazel_4_tree_with_toplevel_download_is_explained_before_configure_runs()
    {
        TestRecipe.Write(_ws, "remote", $"  remote: {{ executor: \"grpc://127.0.0.1:{RemoteWorker.FreePort()}\", download: toplevel }}", version: null);

        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=remote");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Recipe, output);
        Assert.Contains("this tree builds with bazel 4 (from .bazelversion), and Bazel 4 refuses bazel.remote.download: toplevel", output);
        Assert.Contains("Set bazel.version: \"4\"", output);
        Assert.False(File.Exists(Path.Combine(_ws.ProjectRoot, "artifacts", "remote", "configure.log"))); // configure.py never ran
    }

    [Fact]
    public async Task Minimal_download_gets_past_bazel_4s_check_and_says_the_wheel_stayed_in_the_remote_cache()
    {
        await using var worker = await RemoteWorker.StartAsync();
        TestRecipe.Write(_ws, "remote", $"  remote: {{ executor: \"{worker.Url}\", download: minimal }}");

        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=remote");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Build, output);
        Assert.Contains("Build completed successfully", File.ReadAllText(Path.Combine(_ws.ProjectRoot, "artifacts", "remote", "bazel.log")));
        Assert.Contains("bazel.remote.download: minimal leaves every output in the remote cache, the wheel too: use toplevel", output);
    }

    [Fact]
    public async Task Doctor_checks_that_the_configured_executor_answers_and_blocks_when_it_does_not()
    {
        await using var worker = await RemoteWorker.StartAsync();
        TestRecipe.Write(_ws, "up", $"  remote: {{ executor: \"{worker.Url}\", instance-name: main }}");
        var dead = $"grpc://127.0.0.1:{RemoteWorker.FreePort()}";
        TestRecipe.Write(_ws, "down", $"  remote: {{ executor: \"{dead}\" }}");

        var up = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Doctor", "--recipe=up", "--format=json");
        var down = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Doctor", "--recipe=down", "--format=json");

        var ok = RemoteCheck(up, "remote-executor");
        Assert.Equal("ok", ok.GetProperty("status").GetString());
        Assert.Equal($"{worker.Url} answers (REAPI GetCapabilities OK)", ok.GetProperty("found").GetString());
        var blocked = RemoteCheck(down, "remote-executor");
        Assert.Equal("blocking", blocked.GetProperty("status").GetString());
        Assert.Contains("connection refused", blocked.GetProperty("found").GetString());
        Assert.Equal(ExitCodes.Host, down.ExitCode);
    }

    private static JsonElement RemoteCheck(Tfwheel.Processes.ProcessResult result, string name)
    {
        using var doc = JsonDocument.Parse(result.StandardOutput);
        return doc.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).Clone();
    }
}
