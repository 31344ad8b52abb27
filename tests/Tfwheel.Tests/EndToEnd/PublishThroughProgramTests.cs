using System.Security.Cryptography;
using Tfwheel.Errors;
using Tfwheel.Tests.Publish;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The Publish target through the real program and its Cake host (recipe loading, options, environment, Setup,
/// exit codes, dry run), against the in-process fake GitHub over 127.0.0.1. --exclusive runs Publish without
/// the build stages, over artifacts made as Compile, Verify and Smoke leave them. Every run also checks that
/// the token never appears in the program's output (see <see cref="PublishProject.RunAsync"/>).
/// </summary>
public sealed class PublishThroughProgramTests : IAsyncLifetime
{
    private PublishProject _p = null!;

    private PublishScenario S => _p.Scenario;

    public async Task InitializeAsync() => _p = await PublishProject.CreateAsync();

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task First_publish_creates_the_release_with_every_asset_and_a_rerun_makes_no_writes()
    {
        var first = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(first);
        Assert.True(first.ExitCode == 0, output);
        var release = S.Release;
        Assert.False(release.Draft);
        Assert.Equal(PublishProject.AssetNames, release.Assets.Select(a => a.Name));
        Assert.All(release.Assets, a => Assert.Equal("uploaded", a.State));
        var wheel = File.ReadAllBytes(Path.Combine(S.Artifacts, PublishScenario.WheelName));
        Assert.Equal(wheel.Length, release.Assets[0].Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(wheel)), release.Assets[0].Sha256);
        var writes = S.GitHub.Writes;
        Assert.Equal("POST /api/v3/repos/acme/tf-wheels/releases", writes[0]);
        Assert.Equal(5, writes.Count(w => w.StartsWith("POST /api/uploads/", StringComparison.Ordinal)));
        Assert.StartsWith("PATCH /api/v3/repos/acme/tf-wheels/releases/", writes[^1], StringComparison.Ordinal);
        Assert.Contains($"published {PublishScenario.Tag}", output);
        Assert.DoesNotContain("Publish preflight", output);
        Assert.Empty(S.GitHub.Violations);

        var second = await _p.PublishAsync(_p.WithToken);

        Assert.True(second.ExitCode == 0, TfwheelProcess.Output(second));
        Assert.Equal(writes, S.GitHub.Writes);
        Assert.Contains(", 0 writes)", TfwheelProcess.Output(second));
        Assert.Same(release, S.Release);
    }

    [Fact]
    public async Task Dryrun_lists_the_planned_calls_and_makes_no_writes()
    {
        var result = await _p.PublishAsync(_p.WithToken, "--dryrun");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains($"dryrun: POST repos/acme/tf-wheels/releases: create draft release {PublishScenario.Tag}", output);
        Assert.All(PublishProject.AssetNames, name => Assert.Contains($"dryrun: POST upload {name} (", output));
        Assert.Contains("dryrun: PATCH repos/acme/tf-wheels/releases/{new}: publish (draft=false)", output);
        Assert.NotEmpty(S.GitHub.Requests);
        Assert.Empty(S.GitHub.Writes);
        Assert.Empty(S.GitHub.Releases);
    }

    [Fact]
    public async Task Dryrun_without_a_token_reads_anonymously_and_plans_the_same_calls()
    {
        var result = await _p.PublishAsync(new Dictionary<string, string?>(), "--dryrun");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains($"dryrun: POST repos/acme/tf-wheels/releases: create draft release {PublishScenario.Tag}", output);
        Assert.All(PublishProject.AssetNames, name => Assert.Contains($"dryrun: POST upload {name} (", output));
        Assert.Empty(S.GitHub.Writes);
    }

    [Fact]
    public async Task Without_a_token_publish_exits_with_the_publish_code_naming_the_variables_to_set()
    {
        var result = await _p.PublishAsync(new Dictionary<string, string?>());

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("GITHUB_TOKEN", output);
        Assert.Contains("GH_TOKEN", output);
        Assert.Empty(S.GitHub.Writes);
    }

    [Fact]
    public async Task The_whole_chain_checks_the_token_in_setup_before_fetching_anything()
    {
        var result = await _p.RunAsync(new Dictionary<string, string?>(), "--target=Publish", "--recipe=" + PublishProject.RecipeName);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("Publish preflight", output);
        Assert.Contains("GITHUB_TOKEN", output);
        Assert.DoesNotContain("+ git", output);
        // Nothing fetched: no tree (the run lock beside it may exist; it ends with the run).
        Assert.False(Directory.Exists(Path.Combine(_p.Root, ".work", "src", PublishProject.RecipeName)), output);
        Assert.Empty(S.GitHub.Writes);
    }

    [Fact]
    public async Task A_token_GitHub_rejects_fails_with_the_publish_code_naming_its_variable_and_never_printing_it()
    {
        const string rejected = "ghp_REJECTEDtoken9876543210zyxwvutsrqpo";

        var result = await _p.PublishAsync(new Dictionary<string, string?> { ["GH_TOKEN"] = rejected });

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("GH_TOKEN", output);
        Assert.DoesNotContain(rejected, output, StringComparison.Ordinal);
        Assert.Empty(S.GitHub.Writes);
    }

    [Fact]
    public async Task A_failed_smoke_test_is_refused_unless_allow_unverified_and_then_the_notes_say_so()
    {
        File.WriteAllText(Path.Combine(S.Artifacts, "smoke-cp312.json"), """{"ok":false,"summary":"1 of 3 workloads failed"}""");

        var refused = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(refused);
        Assert.True(refused.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("not verified and smoke-tested", output);
        Assert.Contains("--allow-unverified", output);
        Assert.Empty(S.GitHub.Writes);

        var allowed = await _p.PublishAsync(_p.WithToken, "--allow-unverified");

        Assert.True(allowed.ExitCode == 0, TfwheelProcess.Output(allowed));
        Assert.Contains("Published with --allow-unverified", S.Release.Body);
        Assert.Equal(PublishProject.AssetNames, S.Release.Assets.Select(a => a.Name));
    }
}
