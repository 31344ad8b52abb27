using System.Text;
using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

/// <summary>Replacing, refusing, dry runs, preflight, and keeping the token secret.</summary>
public sealed class ReleasePublisherSafetyTests
{
    [Fact]
    public async Task Different_content_is_refused_without_replace_assets()
    {
        await using var s = await PublishScenario.StartAsync();
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        s.WriteWheel(Encoding.UTF8.GetBytes("a rebuilt wheel"));
        var writes = s.GitHub.Writes.Count;

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"{PublishScenario.WheelName} on release {PublishScenario.Tag} has different content", e.Message, StringComparison.Ordinal);
        Assert.Contains("--replace-assets", e.Message, StringComparison.Ordinal);
        Assert.Equal(writes, s.GitHub.Writes.Count);
    }

    [Fact]
    public async Task With_replace_assets_the_new_copy_is_complete_before_the_old_one_is_deleted()
    {
        await using var s = await PublishScenario.StartAsync();
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        var old = s.Release.Assets.Single(a => a.Name == PublishScenario.WheelName);
        var rebuilt = Encoding.UTF8.GetBytes("a rebuilt wheel, different bytes");
        s.WriteWheel(rebuilt);
        s.WriteReports(true);
        var before = s.GitHub.Writes.Count;

        var result = await s.Publisher.PublishAsync(s.Request() with { ReplaceAssets = true }, CancellationToken.None);

        var writes = s.GitHub.Writes.Skip(before).ToList();
        var upload = writes.FindIndex(w => w.Contains("name=" + Uri.EscapeDataString(PublishScenario.WheelName + ReleaseReconciler.TemporarySuffix), StringComparison.Ordinal));
        var delete = writes.FindIndex(w => w == $"DELETE /api/v3/repos/acme/tf-wheels/releases/assets/{old.Id}");
        var rename = writes.FindIndex(w => w.StartsWith("PATCH /api/v3/repos/acme/tf-wheels/releases/assets/", StringComparison.Ordinal));
        Assert.True(upload >= 0 && upload < delete && delete < rename, string.Join("\n", writes));
        var wheel = Assert.Single(s.Release.Assets, a => a.Name.StartsWith("tensorflow", StringComparison.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(rebuilt)), wheel.Sha256);
        Assert.Equal(AssetAction.Replace, result.Steps[0].Action);
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task A_replacement_left_under_its_temporary_name_by_a_crash_is_renamed_not_uploaded_again()
    {
        await using var s = await PublishScenario.StartAsync();
        var draft = s.GitHub.AddRelease(PublishScenario.Tag, draft: true);
        s.GitHub.AddAsset(draft, PublishScenario.WheelName + ReleaseReconciler.TemporarySuffix, File.ReadAllBytes(Path.Combine(s.Artifacts, PublishScenario.WheelName)));

        var result = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(AssetAction.FinishReplace, result.Steps[0].Action);
        Assert.Equal(4, s.GitHub.Writes.Count(w => w.StartsWith("POST /api/uploads/", StringComparison.Ordinal)));
        Assert.Contains(s.Release.Assets, a => a.Name == PublishScenario.WheelName);
    }

    [Fact]
    public async Task Dry_run_lists_the_planned_calls_and_makes_no_writes()
    {
        await using var s = await PublishScenario.StartAsync();
        var draft = s.GitHub.AddRelease(PublishScenario.Tag, draft: true);
        s.GitHub.AddAsset(draft, "manifest.json", File.ReadAllBytes(Path.Combine(s.Artifacts, "manifest.json")));
        s.GitHub.AddAsset(draft, "verify-cp312.json", [], state: "starter");

        var plan = await s.Publisher.PlanAsync(s.Request(), CancellationToken.None);

        Assert.Empty(s.GitHub.Writes);
        Assert.Empty(plan.Problems);
        var id = draft.Id;
        Assert.Equal(
            [
                $"adopt draft release {id} for {PublishScenario.Tag}",
                $"PATCH repos/acme/tf-wheels/releases/{id}: update release notes",
                $"POST upload {PublishScenario.WheelName} (300,000 bytes)",
                $"POST upload SHA256SUMS ({new FileInfo(Path.Combine(s.Artifacts, "SHA256SUMS")).Length:N0} bytes)",
                "skip manifest.json: identical",
                $"DELETE repos/acme/tf-wheels/releases/assets/{draft.Assets[1].Id}: verify-cp312.json incomplete on the release (state 'starter')",
                $"POST upload verify-cp312.json ({new FileInfo(Path.Combine(s.Artifacts, "verify-cp312.json")).Length:N0} bytes)",
                $"POST upload smoke-cp312.json ({new FileInfo(Path.Combine(s.Artifacts, "smoke-cp312.json")).Length:N0} bytes)",
                $"PATCH repos/acme/tf-wheels/releases/{id}: publish (draft=false) after re-listing shows every asset complete",
            ],
            plan.Calls);
        Assert.Contains(s.Log.Lines, l => l.Text == $"dryrun: adopt draft release {id} for {PublishScenario.Tag}");
    }

    [Fact]
    public async Task Preflight_refuses_a_missing_token_before_asking_GitHub_anything()
    {
        await using var s = await PublishScenario.StartAsync();

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(_ => null), CancellationToken.None));

        Assert.Contains("Set GITHUB_TOKEN (or GH_TOKEN)", e.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Requests);
    }

    [Fact]
    public async Task Preflight_reads_GH_TOKEN_and_refuses_a_token_without_write_access()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Push = false;

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(n => n == "GH_TOKEN" ? s.GitHub.Token : null), CancellationToken.None));

        Assert.Contains("the token from GH_TOKEN cannot write to acme/tf-wheels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_before_the_build_refuses_an_immutable_published_release()
    {
        await using var s = await PublishScenario.StartAsync();
        foreach (var f in Directory.GetFiles(s.Artifacts))
        {
            File.Delete(f);
        }

        s.GitHub.AddRelease(PublishScenario.Tag, draft: false, immutable: true);

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Contains("is published and immutable", e.Message, StringComparison.Ordinal);
        Assert.Contains(s.Log.Lines, l => l.Text.StartsWith("preflight: artifacts: not built yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preflight_refuses_an_asset_name_GitHub_would_rename()
    {
        await using var s = await PublishScenario.StartAsync();
        const string odd = "tensorflow-2.18.0+tf~1-cp312-cp312-macosx_12_0_arm64.whl";
        File.Move(Path.Combine(s.Artifacts, PublishScenario.WheelName), Path.Combine(s.Artifacts, odd));

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"GitHub would rename asset '{odd}' to 'tensorflow-2.18.0+tf.1-cp312-cp312-macosx_12_0_arm64.whl'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_is_reported_without_being_shown()
    {
        await using var s = await PublishScenario.StartAsync();
        const string wrong = "ghp_WRONGtoken_never_to_be_printed_42";

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(n => n == "GITHUB_TOKEN" ? wrong : null), CancellationToken.None));

        Assert.Contains("GitHub rejected the token from GITHUB_TOKEN (401)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_appears_nowhere_in_output_logs_exceptions_results_or_files()
    {
        await using var s = await PublishScenario.StartAsync();
        var captured = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(captured);
        Console.SetError(captured);
        var texts = new List<string>();
        try
        {
            s.GitHub.Inject(FakeFault.UploadCut(PublishScenario.WheelName));
            s.GitHub.Inject(FakeFault.SecondaryRateLimit("POST", "name=smoke-cp312.json", 5));
            var request = s.Request();
            texts.Add(request.ToString());
            texts.Add((await s.Publisher.PlanAsync(request, CancellationToken.None)).ToString());
            texts.Add((await s.Publisher.PublishAsync(request, CancellationToken.None)).ToString());
            s.WriteWheel(Encoding.UTF8.GetBytes("different"));
            s.GitHub.Inject(FakeFault.ServerError("GET", "/releases/tags/", 500));
            texts.Add((await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(request with { Pacing = request.Pacing with { MaxAttempts = 1 } }, CancellationToken.None))).ToString());
            texts.Add((await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(request, CancellationToken.None))).ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        texts.Add(captured.ToString());
        texts.Add(s.Log.Text);
        texts.Add(s.Release.Body);
        texts.AddRange(Directory.GetFiles(s.Artifacts).Select(File.ReadAllText));
        Assert.NotEmpty(s.Log.Lines);
        Assert.All(texts, t => Assert.DoesNotContain(s.GitHub.Token, t, StringComparison.Ordinal));
        Assert.Contains("***", texts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wheel_that_no_longer_matches_the_sha256_in_the_manifest_is_refused()
    {
        await using var s = await PublishScenario.StartAsync();
        File.WriteAllText(Path.Combine(s.Artifacts, "manifest.json"), $$"""{"schema":2,"tensorflow":{"version":"2.18.0"},"wheels":[{"name":"{{PublishScenario.WheelName}}","sha256":"00ff"}]}""");

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains("but manifest.json recorded 00ff; the wheel changed after the build", e.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Writes);
    }
}
