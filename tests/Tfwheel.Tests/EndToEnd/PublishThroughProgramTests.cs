using System.Security.Cryptography;
using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Tests.Publishing;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The Publish target through the real program and its Cake host (recipe loading, options, environment, exit
/// codes, dry run), against the in-process fake GitHub over 127.0.0.1. The artifacts are what Compile, Verify
/// and Smoke leave in artifacts/&lt;recipe&gt;/; --exclusive runs Publish without them.
/// </summary>
public sealed class PublishThroughProgramTests : IAsyncLifetime
{
    // Named and versioned so the default tag (tf-{tensorflow.version}-{name}) is PublishScenario.Tag.
    private const string RecipeName = "macos-arm64";

    private static readonly string[] AssetNames = [PublishScenario.WheelName, "SHA256SUMS", "manifest.json", "verify.json", "smoke.json"];

    private readonly TempDirectory _project = new("tfwheel-e2e-publish-");
    private PublishScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await PublishScenario.StartAsync(artifacts: _project.Combine("artifacts", RecipeName));
        Directory.CreateDirectory(_project.Combine("recipes"));
        File.WriteAllText(_project.Combine("recipes", RecipeName + ".yaml"), $"""
            description: a wheel already built, verified and smoke-tested, published to the fake GitHub
            tensorflow: {"{"} repository: https://github.com/tensorflow/tensorflow.git, ref: v2.18.0, version: 2.18.0 {"}"}
            python: "3.12"
            target: {"{"} os: macos, arch: arm64, min-os: "12.0" {"}"}
            publish: {"{"} repository: acme/tf-wheels, api-url: "{_s.GitHub.ApiUrl}" {"}"}
            """);
    }

    public async Task DisposeAsync()
    {
        await _s.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task First_publish_creates_the_release_with_every_asset_and_a_rerun_makes_no_writes()
    {
        var first = await PublishAsync(WithToken);

        Assert.True(first.ExitCode == 0, TfwheelProcess.Output(first));
        var release = _s.Release;
        Assert.False(release.Draft);
        Assert.Equal(AssetNames, release.Assets.Select(a => a.Name));
        Assert.All(release.Assets, a => Assert.Equal("uploaded", a.State));
        var wheel = File.ReadAllBytes(Path.Combine(_s.Artifacts, PublishScenario.WheelName));
        Assert.Equal(wheel.Length, release.Assets[0].Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(wheel)), release.Assets[0].Sha256);
        var writes = _s.GitHub.Writes;
        Assert.Equal("POST /api/v3/repos/acme/tf-wheels/releases", writes[0]);
        Assert.Equal(5, writes.Count(w => w.StartsWith("POST /api/uploads/", StringComparison.Ordinal)));
        Assert.StartsWith("PATCH /api/v3/repos/acme/tf-wheels/releases/", writes[^1], StringComparison.Ordinal);
        Assert.Contains($"Published {PublishScenario.Tag}", TfwheelProcess.Output(first));
        Assert.DoesNotContain("Publish preflight", TfwheelProcess.Output(first));
        Assert.Empty(_s.GitHub.Violations);

        var second = await PublishAsync(WithToken);

        Assert.True(second.ExitCode == 0, TfwheelProcess.Output(second));
        Assert.Equal(writes, _s.GitHub.Writes);
        Assert.Contains("(0 write(s) to GitHub)", TfwheelProcess.Output(second));
        Assert.Same(release, _s.Release);
    }

    [Fact]
    public async Task Dryrun_lists_the_planned_calls_and_makes_no_writes()
    {
        var result = await PublishAsync(WithToken, "--dryrun");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains($"dryrun: POST repos/acme/tf-wheels/releases: create draft release {PublishScenario.Tag}", output);
        Assert.All(AssetNames, name => Assert.Contains($"dryrun: POST upload {name} (", output));
        Assert.Contains("dryrun: PATCH repos/acme/tf-wheels/releases/{new}: publish (draft=false)", output);
        Assert.NotEmpty(_s.GitHub.Requests);
        Assert.Empty(_s.GitHub.Writes);
        Assert.Empty(_s.GitHub.Releases);
    }

    [Fact]
    public async Task Without_a_token_publish_exits_with_the_publish_code_naming_the_variables_to_set()
    {
        var result = await PublishAsync(new Dictionary<string, string?>());

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("GITHUB_TOKEN", output);
        Assert.Contains("GH_TOKEN", output);
        Assert.Empty(_s.GitHub.Writes);
    }

    [Fact]
    public async Task The_whole_chain_checks_the_token_in_setup_before_fetching_anything()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, new Dictionary<string, string?>(), "--target=Publish", "--recipe=" + RecipeName);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("Publish preflight", output);
        Assert.Contains("GITHUB_TOKEN", output);
        Assert.DoesNotContain("+ git", output);
        Assert.False(Directory.Exists(_project.Combine(".work")), output);
        Assert.Empty(_s.GitHub.Writes);
    }

    [Fact]
    public async Task A_token_GitHub_rejects_fails_with_the_publish_code_naming_its_variable_and_never_printing_it()
    {
        const string rejected = "ghp_REJECTEDtoken9876543210zyxwvutsrqpo";

        var result = await PublishAsync(new Dictionary<string, string?> { ["GH_TOKEN"] = rejected });

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("GH_TOKEN", output);
        Assert.DoesNotContain(rejected, output, StringComparison.Ordinal);
        Assert.Empty(_s.GitHub.Writes);
    }

    [Fact]
    public async Task A_failed_smoke_test_is_refused_unless_allow_unverified_and_then_the_notes_say_so()
    {
        File.WriteAllText(Path.Combine(_s.Artifacts, "smoke.json"), """{"ok":false,"summary":"1 of 3 workloads failed"}""");

        var refused = await PublishAsync(WithToken);

        var output = TfwheelProcess.Output(refused);
        Assert.True(refused.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("not verified and smoke-tested", output);
        Assert.Contains("--allow-unverified", output);
        Assert.Empty(_s.GitHub.Writes);

        var allowed = await PublishAsync(WithToken, "--allow-unverified");

        Assert.True(allowed.ExitCode == 0, TfwheelProcess.Output(allowed));
        Assert.Contains("Published with --allow-unverified", _s.Release.Body);
        Assert.Equal(AssetNames, _s.Release.Assets.Select(a => a.Name));
    }

    private Dictionary<string, string?> WithToken => new() { ["GITHUB_TOKEN"] = _s.GitHub.Token };

    /// <summary>Runs Publish alone; whatever happens, the fake's token must not appear in anything the program printed.</summary>
    private async Task<ProcessResult> PublishAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, environment, ["--target=Publish", "--exclusive", "--recipe=" + RecipeName, .. args]);
        var output = TfwheelProcess.Output(result);
        Assert.DoesNotContain(_s.GitHub.Token, output, StringComparison.Ordinal);
        return result;
    }
}
