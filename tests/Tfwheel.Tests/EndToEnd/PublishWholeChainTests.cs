using System.Security.Cryptography;
using System.Text.Json;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Publish;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// A CI job retried (issue 14): the whole chain up to Publish (fetch, patch, configure, Bazel, Verify, Smoke,
/// Publish to the fake GitHub) run twice through the real program. The second run rewrites manifest.json,
/// verify-cp311.json and smoke-cp311.json with new times and paths but builds the same wheel: it must succeed with zero
/// writes to GitHub.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class PublishWholeChainTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;
    private FakeGitHub _github = null!;

    public async Task InitializeAsync()
    {
        _ws = await TfShapedWorkspace.CreateAsync();
        _github = await FakeGitHub.StartAsync();
        var recipes = Directory.CreateDirectory(Path.Combine(_ws.ProjectRoot, "recipes")).FullName;
        File.Copy(ProjectFiles.Fixture("e2e/native-dot.py"), Path.Combine(recipes, "native-dot.py"));
        File.WriteAllText(Path.Combine(recipes, "linux-test.yaml"), $"""
            description: the TF-shaped test tree, built for this Linux host and published to the fake GitHub
            tensorflow: {"{"} repository: "{_ws.Origin}", ref: {_ws.Tag}, commit: "{_ws.Commit}", version: {_ws.Version} {"}"}
            python: "3.11"
            target: {"{"} os: linux, arch: x86_64 {"}"}
            bazel:
              version: "4"
              startup-options: [{string.Join(", ", _ws.StartupOptions.Select(o => '"' + o + '"'))}]
              configs: [release_cpu_linux]
            configure: {"{"} env: {"{"} TF_NEED_CUDA: "0", TF_ENABLE_XLA: "1" {"}"}, timeout-seconds: 60 {"}"}
            wheel: {"{"} name: tensorflow_cpu {"}"}
            verify: {"{"} archs: [x86_64] {"}"}
            smoke: {"{"} workloads: [native-dot.py], timeout-seconds: 120 {"}"}
            publish: {"{"} repository: acme/tf-wheels, api-url: "{_github.ApiUrl}" {"}"}
            """);
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        await _ws.DisposeAsync();
    }

    [Fact]
    public async Task Rerunning_the_whole_chain_after_a_successful_publish_makes_no_writes()
    {
        var env = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = _github.Token };
        string[] args = ["--target=Publish", "--recipe=linux-test", "--python=/usr/bin/python3"];

        var first = await TfwheelProcess.RunAsync(_ws.ProjectRoot, env, args);

        Assert.True(first.ExitCode == 0, TfwheelProcess.Output(first));
        var artifacts = Path.Combine(_ws.ProjectRoot, "artifacts", "linux-test");
        var wheel = Assert.Single(Directory.GetFiles(artifacts, "*.whl"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wheel)));
        Assert.Equal(sha, Json(artifacts, "verify-cp311.json").GetProperty("wheel").GetProperty("sha256").GetString());
        Assert.Equal(sha, Json(artifacts, "smoke-cp311.json").GetProperty("wheel").GetProperty("sha256").GetString());
        var manifest = File.ReadAllText(Path.Combine(artifacts, "manifest.json"));
        Assert.Equal(_ws.Version, Json(artifacts, "manifest.json").GetProperty("tensorflow").GetProperty("version").GetString());
        Assert.DoesNotContain(_ws.ProjectRoot, manifest, StringComparison.Ordinal);
        var release = Assert.Single(_github.Releases);
        Assert.StartsWith($"TensorFlow {_ws.Version} wheel built from source", release.Body, StringComparison.Ordinal);
        Assert.Contains($"| 3.11 | `{Path.GetFileName(wheel)}` | `{sha}` | passed", release.Body, StringComparison.Ordinal);
        Assert.Equal($"{sha}  {Path.GetFileName(wheel)}\n", File.ReadAllText(Path.Combine(artifacts, "SHA256SUMS")));
        var writes = _github.Writes;
        var builtAt = Json(artifacts, "manifest.json").GetProperty("builtAt").GetString();

        var second = await TfwheelProcess.RunAsync(_ws.ProjectRoot, env, args);

        var output = TfwheelProcess.Output(second);
        Assert.True(second.ExitCode == 0, output);
        Assert.NotEqual(builtAt, Json(artifacts, "manifest.json").GetProperty("builtAt").GetString());
        Assert.Contains($"already has {Path.GetFileName(wheel)} (sha256 {sha})", output);
        Assert.Contains(", 0 writes)", output);
        Assert.Equal(writes, _github.Writes);
        Assert.DoesNotContain(_github.Token, output, StringComparison.Ordinal);
        Assert.Empty(_github.Violations);
    }

    private static JsonElement Json(string dir, string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, file))).RootElement.Clone();
}
