using System.Text;
using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

/// <summary>Failures between tfwheel and GitHub: lost answers, dropped connections, long rate limits, immutable releases, limits.</summary>
public sealed class ReleasePublisherResilienceTests
{
    [Fact]
    public async Task A_create_whose_answer_was_lost_is_not_repeated_so_there_is_one_draft()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(FakeFault.LostAnswer("POST", "/api/v3/repos/acme/tf-wheels/releases"));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, s.GitHub.PendingFaults);
        Assert.Single(s.GitHub.Writes, w => w == "POST /api/v3/repos/acme/tf-wheels/releases");
        Assert.False(s.Release.Draft);
        Assert.Equal(5, s.Release.Assets.Count);
    }

    [Fact]
    public async Task An_upload_whose_answer_was_lost_is_recognised_and_not_sent_again()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(FakeFault.LostAnswer("POST", "name=manifest.json"));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, s.GitHub.PendingFaults);
        Assert.Single(s.GitHub.Writes, w => w.EndsWith("name=manifest.json", StringComparison.Ordinal));
        Assert.Single(s.Release.Assets, a => a.Name == "manifest.json");
        Assert.DoesNotContain(s.GitHub.Writes, w => w.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_with_a_fresh_stream()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(FakeFault.DropConnection("POST", "name=" + Uri.EscapeDataString(PublishScenario.WheelName)));
        s.GitHub.Inject(FakeFault.DropConnection("GET", "/releases/tags/"));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, s.GitHub.PendingFaults);
        var wheel = Assert.Single(s.Release.Assets, a => a.Name == PublishScenario.WheelName);
        Assert.Equal(300_000, wheel.Size);
        Assert.Contains(s.Log.Lines, l => l.Text.StartsWith($"upload {PublishScenario.WheelName}: ", StringComparison.Ordinal) && l.Text.Contains("retrying in 2 s (attempt 2 of 6)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retried_failure_whose_answer_echoes_the_token_is_logged_with_the_token_masked()
    {
        await using var s = await PublishScenario.StartAsync();
        // A proxy or error page that echoes the request's headers back in its body.
        var echo = $"<html>502 Bad Gateway: Authorization: Bearer {s.GitHub.Token}</html>";
        s.GitHub.Inject(new FakeFault("GET", "/releases/tags/", 502, echo, new Dictionary<string, string>()));
        s.GitHub.Inject(new FakeFault("POST", "name=verify-cp312.json", 502, echo, new Dictionary<string, string>()));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, s.GitHub.PendingFaults);
        Assert.Equal(2, s.Log.Lines.Count(l => l.Text.Contains("Authorization: Bearer ***", StringComparison.Ordinal)));
        Assert.DoesNotContain(s.GitHub.Token, s.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_that_resets_later_than_tfwheel_waits_stops_with_the_reset_time()
    {
        await using var s = await PublishScenario.StartAsync();
        var reset = s.Clock.GetUtcNow().AddHours(3);
        s.GitHub.Inject(FakeFault.PrimaryRateLimit("GET", "/api/v3/repos/acme/tf-wheels", reset));

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"rate limit for this token is exhausted until {reset:u}", e.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Writes);
    }

    [Fact]
    public async Task An_immutable_release_is_left_alone_when_identical_and_refused_when_the_wheel_changed()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.ImmutableReleases = true;
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        Assert.True(s.Release.Immutable);
        var writes = s.GitHub.Writes.Count;

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        Assert.Equal(writes, s.GitHub.Writes.Count);

        s.WriteWheel(Encoding.UTF8.GetBytes("rebuilt"));
        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request() with { ReplaceAssets = true }, CancellationToken.None));
        Assert.Contains("is published and immutable", e.Message, StringComparison.Ordinal);
        Assert.Equal(writes, s.GitHub.Writes.Count);
    }

    [Fact]
    public async Task A_dry_run_without_a_token_reads_anonymously_and_plans_a_new_release()
    {
        await using var s = await PublishScenario.StartAsync();

        var plan = await s.Publisher.PlanAsync(s.Request(_ => null), CancellationToken.None);

        Assert.Equal($"POST repos/acme/tf-wheels/releases: create draft release {PublishScenario.Tag}", plan.Calls[0]);
        Assert.Equal(7, plan.PlannedWrites);
        Assert.Empty(s.GitHub.Writes);
        Assert.Contains(s.Log.Lines, l => l.Text == "dryrun: POST upload SHA256SUMS (" + new FileInfo(Path.Combine(s.Artifacts, "SHA256SUMS")).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes)");
    }

    [Fact]
    public async Task Preflight_before_the_build_ignores_a_stale_wheel_that_the_build_will_replace()
    {
        await using var s = await PublishScenario.StartAsync();
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        s.WriteWheel(Encoding.UTF8.GetBytes("a stale wheel from an older build"));

        var early = await s.Publisher.PreflightAsync(s.Request(), beforeBuild: true, CancellationToken.None);
        var late = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Null(early.Artifacts);
        Assert.Equal(ReleaseOrigin.Published, early.Origin);
        Assert.Contains("has different content", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_a_rate_limit_wait_stops_with_OperationCanceledException_not_a_publish_error()
    {
        await using var s = await PublishScenario.StartAsync();
        using var cts = new CancellationTokenSource();
        s.GitHub.Inject(FakeFault.SecondaryRateLimit("POST", "name=verify-cp312.json", 60));
        var request = s.Request() with
        {
            Pacing = s.Request().Pacing with { Delay = (wait, ct) => wait == TimeSpan.FromSeconds(60) ? cts.CancelAsync() : Task.CompletedTask },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.Publisher.PublishAsync(request, cts.Token));

        Assert.True(s.Release.Draft);
        Assert.DoesNotContain(s.Release.Assets, a => a.Name == "verify-cp312.json");
    }

    [Fact]
    public async Task A_wheel_over_GitHubs_2_GiB_asset_limit_is_refused_before_it_is_read()
    {
        await using var s = await PublishScenario.StartAsync();
        using (var wheel = File.OpenWrite(Path.Combine(s.Artifacts, PublishScenario.WheelName)))
        {
            wheel.SetLength(ArtifactSet.MaxAssetBytes + 1);
        }

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Contains("is 2,147,483,649 bytes; GitHub's limit per release asset is 2 GiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_that_would_exceed_1000_assets_is_refused()
    {
        await using var s = await PublishScenario.StartAsync();
        var draft = s.GitHub.AddRelease(PublishScenario.Tag, draft: true);
        for (var i = 0; i < 996; i++)
        {
            s.GitHub.AddAsset(draft, $"other-{i}.txt", [1]);
        }

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains("the release would hold 1001 assets; GitHub allows 1000", e.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Writes);
    }
}
