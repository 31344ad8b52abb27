using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Pipeline;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Source;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Publish;

/// <summary>manifest.json is uploaded with the release (issue 14): readable JSON, the TF version, no user's paths.</summary>
public sealed class PublishedManifestTests : IDisposable
{
    private const string Wheel = "tensorflow-2.18.0+tfwheel-cp312-cp312-macosx_12_0_arm64.whl";

    private readonly TempDirectory _dir = new("tfwheel-manifest-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_manifest_is_readable_records_the_tensorflow_version_and_carries_no_absolute_project_or_home_paths()
    {
        var root = _dir.Combine("home", "me", "project");
        var home = _dir.Combine("home", "me");
        var paths = BuildPaths.For(root, "macos-arm64");
        var patch = Path.Combine(root, "patches", "2.18.0", "0001-fix.patch");
        var recipe = new Recipe
        {
            Name = "macos-arm64",
            Files = [Path.Combine(root, "recipes", "macos-arm64.yaml"), Path.Combine(home, "shared", "base.yaml")],
            Tensorflow = new TensorflowSource("https://github.com/tensorflow/tensorflow.git", "v2.18.0", null, "2.18.0"),
            Python = "3.12",
            Target = new TargetPlatform(TargetOs.Macos, TargetArch.Arm64, "12.0"),
            Patches = [patch],
            Wheel = new WheelSettings { Name = "tensorflow", VersionSuffix = "+tfwheel" },
        };
        var stamp = new InputStamp("r", [new PatchOutcome(patch, "ab", AlreadyApplied: false)], "6550e4bd80223cdb8be6c3afd1f81e86a4d433c3", "t", "b", "6.5.0", DateTimeOffset.UnixEpoch);
        var argv = new[] { "bazel", "--output_base=" + Path.Combine(root, ".work", "bazel"), "--output_user_root=" + Path.Combine(home, ".cache", "bazel"), "build", "--repo_env=X=" + root };
        var build = new BazelRun(0, BuildOutcome.Missing, null, argv, TimeSpan.FromMinutes(3));
        var compile = new CompileResult(Path.Combine(paths.Artifacts, Wheel), 10, "aa", build, TimeSpan.FromMinutes(3));
        var durations = ImmutableSortedDictionary<string, TimeSpan>.Empty.Add("compile", TimeSpan.FromMinutes(3));

        await BuildManifest.WriteCompileAsync(paths, recipe, stamp, [compile], new HostPlatform("macos", "arm64"), durations, CancellationToken.None, home);

        var text = File.ReadAllText(paths.Manifest);
        Assert.DoesNotContain("\\u002B", text, StringComparison.Ordinal);
        Assert.Contains($"\"name\": \"{Wheel}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(home, text, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal("2.18.0", (string?)manifest["tensorflow"]!["version"]);
        Assert.Equal(["recipes/macos-arm64.yaml", "~/shared/base.yaml"], manifest["recipe"]!["files"]!.AsArray().Select(f => (string?)f));
        Assert.Equal("patches/2.18.0/0001-fix.patch", (string?)manifest["recipe"]!["patches"]![0]);
        Assert.Equal("patches/2.18.0/0001-fix.patch", (string?)manifest["patches"]![0]!["path"]);
        Assert.Equal(["bazel", "--output_base=.work/bazel", "--output_user_root=~/.cache/bazel", "build", "--repo_env=X=."], manifest["wheels"]![0]!["bazel"]!["argv"]!.AsArray().Select(a => (string?)a));
    }

    [Theory]
    [InlineData("/p/proj/x", "x")]
    [InlineData("/p/proj", ".")]
    [InlineData("/p/project2/x", "/p/project2/x")]
    [InlineData("--flag=/p/proj/a:/p/proj/b", "--flag=a:b")]
    [InlineData("/other/p/proj/x", "/other/p/proj/x")]
    [InlineData("/h/elsewhere", "~/elsewhere")]
    [InlineData("/h", "~")]
    public void Paths_are_rewritten_only_at_whole_components(string given, string written)
    {
        var node = new JsonObject { ["v"] = given };

        PortablePaths.Rewrite(node, "/p/proj", "/h");

        Assert.Equal(written, (string?)node["v"]);
    }
}
