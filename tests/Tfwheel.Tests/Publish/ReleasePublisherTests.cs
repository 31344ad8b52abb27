using System.Text;
using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

public sealed class ReleasePublisherTests
{
    [Fact]
    public async Task First_publish_creates_a_draft_uploads_every_asset_and_publishes_it_last()
    {
        await using var s = await PublishScenario.StartAsync();

        var result = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        var release = s.Release;
        Assert.False(release.Draft);
        Assert.Equal(ReleaseOrigin.Create, result.Origin);
        Assert.Equal(s.AssetNames, release.Assets.Select(a => a.Name));
        Assert.All(release.Assets, a => Assert.Equal("uploaded", a.State));
        Assert.Equal(Sha256(File.ReadAllBytes(Path.Combine(s.Artifacts, PublishScenario.WheelName))), release.Assets[0].Sha256);
        var writes = s.GitHub.Writes;
        Assert.StartsWith("POST /api/v3/repos/acme/tf-wheels/releases", writes[0], StringComparison.Ordinal);
        Assert.StartsWith("PATCH /api/v3/repos/acme/tf-wheels/releases/", writes[^1], StringComparison.Ordinal);
        Assert.Equal(5, writes.Count(w => w.StartsWith("POST /api/uploads/", StringComparison.Ordinal)));
        Assert.Contains("name=tensorflow-2.18.0%2Btfwheel-cp312", writes[1], StringComparison.Ordinal);
        Assert.Equal(writes.Count, result.Writes);
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task A_rerun_makes_no_writes()
    {
        await using var s = await PublishScenario.StartAsync();
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        var before = s.GitHub.Writes.Count;

        var again = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(before, s.GitHub.Writes.Count);
        Assert.Equal(0, again.Writes);
        Assert.All(again.Steps, step => Assert.Equal(AssetAction.Skip, step.Action));
        Assert.Equal(ReleaseOrigin.Published, again.Origin);
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task A_502_mid_upload_then_a_rerun_leaves_exactly_one_complete_copy_of_each_asset()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(FakeFault.UploadCut(PublishScenario.WheelName));
        var once = s.Request() with { Pacing = s.Request().Pacing with { MaxAttempts = 1 } };

        var failure = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(once, CancellationToken.None));
        Assert.Contains("502", failure.Message, StringComparison.Ordinal);
        Assert.True(s.Release.Draft);
        Assert.Equal("starter", Assert.Single(s.Release.Assets).State);

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.False(s.Release.Draft);
        Assert.Equal(s.AssetNames.Order(), s.Release.Assets.Select(a => a.Name).Order());
        Assert.All(s.Release.Assets, a => Assert.Equal("uploaded", a.State));
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task A_502_mid_upload_is_cleaned_up_and_retried_within_the_run()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(FakeFault.UploadCut("SHA256SUMS"));
        s.GitHub.Inject(FakeFault.ServerError("POST", "name=manifest.json", 500));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, s.GitHub.PendingFaults);
        Assert.Equal(s.AssetNames.Order(), s.Release.Assets.Select(a => a.Name).Order());
        Assert.All(s.Release.Assets, a => Assert.Equal("uploaded", a.State));
        Assert.Contains(s.GitHub.Writes, w => w.StartsWith("DELETE /api/v3/repos/acme/tf-wheels/releases/assets/", StringComparison.Ordinal));
        Assert.False(s.Release.Draft);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_waited_out_honouring_Retry_After_and_the_reset_time()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(FakeFault.PrimaryRateLimit("GET", "/releases/tags/", s.Clock.GetUtcNow().AddMinutes(8)));
        s.GitHub.Inject(FakeFault.SecondaryRateLimit("POST", "/api/v3/repos/acme/tf-wheels/releases", 60));
        s.GitHub.Inject(FakeFault.TooManyRequests("POST", "name=verify-cp312.json", 7));
        s.GitHub.Inject(FakeFault.SecondaryRateLimit("POST", "name=smoke-cp312.json", 90));
        s.GitHub.Inject(FakeFault.ServerError("PATCH", "/releases/", 502));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, s.GitHub.PendingFaults);
        var waits = s.Clock.Waits;
        Assert.Contains(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1), waits);
        Assert.Contains(TimeSpan.FromSeconds(60), waits);
        Assert.Contains(TimeSpan.FromSeconds(7), waits);
        Assert.Contains(TimeSpan.FromSeconds(90), waits);
        Assert.Contains(TimeSpan.FromSeconds(2), waits);
        Assert.False(s.Release.Draft);
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task Writes_are_at_least_the_minimum_interval_apart()
    {
        await using var s = await PublishScenario.StartAsync();

        var result = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        // Nothing else moves the manual clock, so each write after the first waited the whole second.
        Assert.Equal(result.Writes - 1, s.Clock.Waits.Count(w => w == TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_draft_left_by_a_crashed_run_is_adopted_and_its_broken_asset_replaced()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.MaxPageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            s.GitHub.AddRelease($"tf-2.17.{i}-macos-arm64", draft: i % 2 == 0);
        }

        var draft = s.GitHub.AddRelease(PublishScenario.Tag, draft: true);
        s.GitHub.AddAsset(draft, PublishScenario.WheelName, [], state: "starter");
        s.GitHub.AddAsset(draft, "manifest.json", File.ReadAllBytes(Path.Combine(s.Artifacts, "manifest.json")));

        var result = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(ReleaseOrigin.AdoptDraft, result.Origin);
        Assert.Equal(draft.Id, result.ReleaseId);
        Assert.DoesNotContain(s.GitHub.Writes, w => w.StartsWith("POST /api/v3/repos/acme/tf-wheels/releases", StringComparison.Ordinal));
        Assert.Equal(AssetAction.ReplaceBroken, result.Steps.Single(x => x.Local.Name == PublishScenario.WheelName).Action);
        Assert.Equal(AssetAction.Skip, result.Steps.Single(x => x.Local.Name == "manifest.json").Action);
        Assert.Equal(s.AssetNames.Order(), s.Release.Assets.Select(a => a.Name).Order());
        Assert.All(s.Release.Assets, a => Assert.Equal("uploaded", a.State));
        Assert.Contains(s.GitHub.Requests, r => r.Contains("releases?per_page=2&page=", StringComparison.Ordinal));
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task Several_drafts_for_the_tag_are_refused_without_a_write()
    {
        await using var s = await PublishScenario.StartAsync();
        var a = s.GitHub.AddRelease(PublishScenario.Tag, draft: true);
        var b = s.GitHub.AddRelease(PublishScenario.Tag, draft: true);

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"2 draft releases for tag {PublishScenario.Tag}", e.Message, StringComparison.Ordinal);
        Assert.Contains(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Equal(10, e.ExitCode);
        Assert.Empty(s.GitHub.Writes);
    }

    [Fact]
    public async Task Unverified_artifacts_are_refused_unless_allowed_and_then_the_notes_say_so()
    {
        await using var s = await PublishScenario.StartAsync(verified: false);

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));
        Assert.Contains("--allow-unverified", e.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Writes);

        await s.Publisher.PublishAsync(s.Request() with { AllowUnverified = true }, CancellationToken.None);
        Assert.Contains("Published with --allow-unverified: verification FAILED, smoke test FAILED", s.Release.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_release_stays_a_draft_when_the_recipe_asks()
    {
        await using var s = await PublishScenario.StartAsync();

        var result = await s.Publisher.PublishAsync(s.Request() with { Draft = true }, CancellationToken.None);

        Assert.True(result.Draft);
        Assert.True(s.Release.Draft);
        Assert.Equal(5, s.Release.Assets.Count);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));

    internal static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
}
