using System.Text.Json.Nodes;
using Tfwheel.Errors;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// Compile through the real program (the path production runs: Cake host, tasks, pipeline) with real git and
/// bazel over the TF-shaped tree: the older build_pip_package path, a wrong platform tag, a failed action, and
/// a shared HTTP remote cache whose header value stays secret.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class CompileThroughProgramTests
{
    [Fact]
    public async Task A_tf_2_16_tree_builds_build_pip_package_and_runs_it_into_an_output_folder()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync("2.16.1");
        ws.WriteRecipe("linux-legacy");

        var result = await TfwheelProcess.RunAsync(ws.ProjectRoot, "--target=Compile", "--recipe=linux-legacy", "--set", "wheel.name=tensorflow");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var artifacts = Path.Combine(ws.ProjectRoot, "artifacts", "linux-legacy");
        const string wheel = "tensorflow-2.16.1-cp311-cp311-linux_x86_64.whl";
        Assert.True(File.Exists(Path.Combine(artifacts, "pip_package", wheel)));
        Assert.True(File.Exists(Path.Combine(artifacts, wheel)));
        var argv = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts, "manifest.json")))!["wheels"]![0]!["bazel"]!["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal("//tensorflow/tools/pip_package:build_pip_package", argv[^1]);
        Assert.DoesNotContain(argv, a => a.StartsWith("--repo_env=WHEEL_NAME", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wheel_whose_platform_tag_differs_from_what_bazel_should_name_it_is_rejected()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        ws.WriteRecipe();

        // tf_wheel.bzl puts MACOSX_DEPLOYMENT_TARGET into the tag whatever the OS: linux_12_0_x86_64.
        var result = await TfwheelProcess.RunAsync(
            ws.ProjectRoot, "--target=Compile", "--recipe=linux-test", "--set", "bazel.repo-env={MACOSX_DEPLOYMENT_TARGET: \"12.0\"}");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Build, output);
        Assert.Contains("platform tag is linux_12_0_x86_64", output);
        Assert.Contains("expects bazel's linux_x86_64", output);
        Assert.False(File.Exists(Path.Combine(ws.ProjectRoot, "artifacts", "linux-test", "manifest.json")));
    }

    [Fact]
    public async Task A_failed_build_reports_the_first_failing_action_with_label_mnemonic_and_stderr()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        ws.WritePatch("0001-break.patch", TestPatches.BreakCompile);
        ws.WriteRecipe(extra: "patches: [../patches/0001-break.patch]");

        var result = await TfwheelProcess.RunAsync(ws.ProjectRoot, "--target=Compile", "--recipe=linux-test");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Build, output);
        Assert.Contains("bazel exited with code 1: the build failed", output);
        Assert.Contains("First failing action: Genrule in //tensorflow/core/kernels:framework", output);
        Assert.Contains("broken on purpose by a tfwheel test patch", output);
        var log = Path.Combine(ws.ProjectRoot, "artifacts", "linux-test", "bazel.log");
        Assert.Contains(log, output);
        Assert.Contains("broken on purpose", File.ReadAllText(log));
    }

    [Fact]
    public async Task After_the_output_base_is_wiped_the_rebuild_comes_from_the_remote_cache_and_the_header_value_stays_secret()
    {
        await using var nginx = await NginxWebDav.StartAsync();
        await using var ws = await TfShapedWorkspace.CreateAsync();
        ws.WriteRecipe();
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        var env = new Dictionary<string, string?> { ["TFWHEEL_TEST_CACHE_KEY"] = secret };
        string[] args =
        [
            "--target=Compile", "--recipe=linux-test", "--set", $"bazel.remote.cache={nginx.Url}", "--set", "bazel.remote.download=all",
            "--set", "bazel.remote.header-env={x-tfwheel-key: TFWHEEL_TEST_CACHE_KEY}",
        ];
        var artifacts = Path.Combine(ws.ProjectRoot, "artifacts", "linux-test");
        var source = Path.Combine(ws.ProjectRoot, ".work", "src", "linux-test");

        var first = await TfwheelProcess.RunAsync(ws.ProjectRoot, env, args);
        Assert.True(first.ExitCode == 0, TfwheelProcess.Output(first));
        var firstManifest = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts, "manifest.json")))!;
        var expunge = await TfwheelProcessBazel.ExpungeAsync(ws, source);
        Assert.True(expunge.ExitCode == 0, string.Join('\n', expunge.StandardErrorTail));
        var second = await TfwheelProcess.RunAsync(ws.ProjectRoot, env, args);

        var output = TfwheelProcess.Output(second);
        Assert.True(second.ExitCode == 0, output);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts, "manifest.json")))!;
        Assert.Equal(0, (int)firstManifest["wheels"]![0]!["bazel"]!["remoteCacheHits"]!);
        Assert.True((int)manifest["wheels"]![0]!["bazel"]!["remoteCacheHits"]! >= 2, manifest.ToJsonString());
        Assert.Equal((string?)firstManifest["wheels"]![0]!["sha256"], (string?)manifest["wheels"]![0]!["sha256"]);
        Assert.Contains("PUT /cas/", File.ReadAllText(nginx.AccessLog));
        Assert.Contains("key=" + secret, File.ReadAllText(nginx.AccessLog)); // the real value reached the cache
        Assert.Contains("--remote_header=x-tfwheel-key=***", manifest["wheels"]![0]!["bazel"]!["argv"]!.AsArray().Select(a => (string)a!));
        foreach (var file in new[] { "manifest.json", "bazel.log", "bazel-events.json" })
        {
            Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(artifacts, file)));
        }

        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(source, ".bazelrc.user")));
        Assert.DoesNotContain(secret, output);
    }
}

/// <summary>Bazel commands a test runs beside the program (not through it): wiping the output base.</summary>
internal static class TfwheelProcessBazel
{
    public static Task<Tfwheel.Processes.ProcessResult> ExpungeAsync(TfShapedWorkspace ws, string tree) =>
        new Tfwheel.Processes.ProcessGateway(new TestLog()).RunAsync(
            new Tfwheel.Processes.ProcessSpec("bazel", [.. ws.StartupOptions, "clean", "--expunge"]) { WorkingDirectory = tree, Echo = false, StreamOutput = false });
}
