using System.Globalization;
using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

/// <summary>
/// How long Publish waits when GitHub asks it to (issue 11): never longer than <see cref="PublishPacing.MaxWait"/>
/// (10 min) at a time nor <see cref="PublishPacing.MaxTotalWait"/> (30 min) in all; a longer request stops the run
/// at once with the time asked for, and any header value, however large, is handled without a crash.
/// </summary>
public sealed class RetryWaitTests
{
    [Theory]
    [InlineData("100000", "27 h 46 min")]
    [InlineData("2147483647", "24855 d 3 h")]
    [InlineData("99999999999999999999999", "10675199 d 2 h")]
    public async Task A_Retry_After_longer_than_tfwheel_waits_stops_at_once_saying_how_long_GitHub_asked(string retryAfter, string shown)
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(new FakeFault("POST", "name=verify-cp312.json", 429, """{"message":"Too Many Requests"}""", new Dictionary<string, string> { ["Retry-After"] = retryAfter }));

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"GitHub asks to wait {shown}, longer than tfwheel waits (10 min at most). Re-run Publish later", e.Message, StringComparison.Ordinal);
        Assert.All(s.Clock.Waits, w => Assert.True(w <= TimeSpan.FromMinutes(10), w.ToString()));
        Assert.DoesNotContain(s.Release.Assets, a => a.Name == "verify-cp312.json");
    }

    [Fact]
    public async Task A_rate_limit_reset_beyond_the_year_9999_is_too_long_not_a_crash()
    {
        await using var s = await PublishScenario.StartAsync();
        s.GitHub.Inject(new FakeFault("POST", "name=smoke-cp312.json", 403, """{"message":"API rate limit exceeded"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = long.MaxValue.ToString(CultureInfo.InvariantCulture),
        }));

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains("longer than tfwheel waits (10 min at most)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_given_as_an_http_date_is_honoured()
    {
        await using var s = await PublishScenario.StartAsync();
        var at = s.Clock.GetUtcNow().AddSeconds(90).ToString("r", CultureInfo.InvariantCulture);
        s.GitHub.Inject(new FakeFault("POST", "name=verify-cp312.json", 429, """{"message":"Too Many Requests"}""", new Dictionary<string, string> { ["Retry-After"] = at }));

        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        // The paced writes before the upload moved the clock a few seconds towards that date.
        var wait = Assert.Single(s.Clock.Waits, w => w > TimeSpan.FromSeconds(5));
        Assert.InRange(wait, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90));
        Assert.Contains(s.Log.Lines, l => l.Text.Contains($"retrying in 1 min {wait.Seconds} s (attempt 2 of 6)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waits_stop_once_they_would_pass_30_minutes_in_all_and_the_log_says_each_wait()
    {
        await using var s = await PublishScenario.StartAsync();
        foreach (var name in new[] { "verify-cp312.json", "verify-cp312.json", "verify-cp312.json", "smoke-cp312.json" })
        {
            s.GitHub.Inject(FakeFault.TooManyRequests("POST", "name=" + name, 540));
        }

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Equal([TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(9)], s.Clock.Waits.Where(w => w > TimeSpan.FromSeconds(5)));
        Assert.Contains("upload smoke-cp312.json still failing after 27 min of waiting (30 min at most per run)", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, s.Log.Lines.Count(l => l.Text.Contains("retrying in 9 min (attempt", StringComparison.Ordinal)));
    }
}
