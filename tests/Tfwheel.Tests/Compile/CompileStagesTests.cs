using System.IO.Compression;
using System.Text.Json.Nodes;
using Tfwheel.Compile;
using Tfwheel.Pipeline;
using Tfwheel.Processes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Compile;

/// <summary>The whole Fetch -> Patch -> Configure -> Compile path with real git and real bazel over the TF-shaped tree.</summary>
[Collection(BazelCollection.Name)]
public class CompileStagesTests
{
    [Fact]
    public async Task A_wheel_target_tree_builds_into_artifacts_with_a_manifest_and_a_rerun_skips_the_source_stages()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync("2.20.0");
        var log = new TestLog();
        var recipe = ws.Recipe();
        var paths = ws.Paths(recipe);
        var host = CompileHost.Current();

        var first = await CompileStages.RunAsync(recipe, paths, host, new ProcessGateway(log), log, CancellationToken.None);

        Assert.False(first.SourceStagesSkipped);
        Assert.Equal("tensorflow_cpu-2.20.0-cp311-cp311-linux_x86_64.whl", first.Compile.WheelName);
        Assert.Equal(Path.Combine(paths.Artifacts, first.Compile.WheelName), first.Compile.WheelPath);
        using (var wheel = ZipFile.OpenRead(first.Compile.WheelPath))
        {
            Assert.Contains(wheel.Entries, e => e.FullName == "tensorflow/libtensorflow_framework.so");
            Assert.Contains(wheel.Entries, e => e.FullName == "tensorflow_cpu-2.20.0.dist-info/RECORD");
        }

        var manifest = JsonNode.Parse(File.ReadAllText(paths.Manifest))!;
        Assert.Equal(ws.Commit, (string?)manifest["tensorflow"]!["commit"]);
        Assert.Equal(first.Compile.WheelSha256, (string?)manifest["wheel"]!["sha256"]);
        Assert.Equal("//tensorflow/tools/pip_package:wheel", (string?)manifest["bazel"]!["argv"]!.AsArray()[^1]);
        Assert.Equal("linux-test", (string?)manifest["recipe"]!["name"]);
        Assert.True(File.Exists(Path.Combine(paths.Artifacts, "bazel.log")));
        Assert.Contains("--config=release_cpu_linux", File.ReadAllText(Path.Combine(paths.Source, ".bazelrc.user")));

        var second = await CompileStages.RunAsync(recipe, paths, host, new ProcessGateway(log), log, CancellationToken.None);

        Assert.True(second.SourceStagesSkipped);
        Assert.Equal(first.Compile.WheelSha256, second.Compile.WheelSha256);
    }

    [Fact]
    public async Task A_tf_2_16_tree_builds_build_pip_package_and_runs_it_into_an_output_folder()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync("2.16.1");
        var log = new TestLog();
        var recipe = ws.Recipe("linux-legacy") with { Wheel = new Tfwheel.Recipes.WheelSettings { Name = "tensorflow" } };
        var paths = ws.Paths(recipe);

        var result = await CompileStages.RunAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal("//tensorflow/tools/pip_package:build_pip_package", result.Compile.Build.Argv[^1]);
        Assert.DoesNotContain(result.Compile.Build.Argv, a => a.StartsWith("--repo_env=WHEEL_NAME", StringComparison.Ordinal));
        Assert.Equal("tensorflow-2.16.1-cp311-cp311-linux_x86_64.whl", result.Compile.WheelName);
        Assert.True(File.Exists(Path.Combine(paths.Artifacts, "pip_package", result.Compile.WheelName)));
        Assert.True(File.Exists(result.Compile.WheelPath));
    }

    [Fact]
    public async Task A_linux_target_with_a_glibc_floor_accepts_bazels_linux_wheel_for_repair_later()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        var recipe = ws.Recipe() with { Target = new Tfwheel.Recipes.TargetPlatform(Tfwheel.Platforms.TargetOs.Linux, Tfwheel.Platforms.TargetArch.X86_64, "2.17") };
        var paths = ws.Paths(recipe);

        var result = await CompileStages.RunAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal("tensorflow_cpu-2.20.0-cp311-cp311-linux_x86_64.whl", result.Compile.WheelName);
    }

    [Fact]
    public async Task A_wheel_whose_platform_tag_differs_from_what_bazel_should_name_it_is_rejected()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var log = new TestLog();
        // tf_wheel.bzl puts MACOSX_DEPLOYMENT_TARGET into the tag whatever the OS: linux_12_0_x86_64.
        var recipe = ws.Recipe() with
        {
            Bazel = ws.Recipe().Bazel with { RepoEnv = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["MACOSX_DEPLOYMENT_TARGET"] = "12.0" } },
        };
        var paths = ws.Paths(recipe);

        var e = await Assert.ThrowsAsync<Tfwheel.Errors.StepFailedException>(() => CompileStages.RunAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("platform tag is linux_12_0_x86_64", e.Message);
        Assert.Contains("expects bazel's linux_x86_64", e.Message);
        Assert.False(File.Exists(paths.Manifest));
    }
}
