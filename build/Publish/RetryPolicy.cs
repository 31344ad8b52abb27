using System.Globalization;
using System.Net;
using Cake.Core.Diagnostics;
using Octokit;
using Tfwheel.Processes;
using Tfwheel.Reporting;

namespace Tfwheel.Publish;

/// <summary>
/// Retries a GitHub request on network errors, timeouts, 5xx, 429 and rate limits, with exponential backoff,
/// honouring Retry-After (secondary limits, 429) and X-RateLimit-Reset (primary limit), as GitHub's
/// "Rate limits for the REST API" page asks. Other 4xx are not retried. Waits are capped
/// (<see cref="PublishPacing.MaxWait"/> each, <see cref="PublishPacing.MaxTotalWait"/> in all): when GitHub asks
/// for longer, it stops and says when to re-run. What it says about a failure masks <paramref name="secrets"/>:
/// an error page or proxy may echo the request's Authorization header.
/// </summary>
internal sealed class RetryPolicy(PublishPacing pacing, ICakeLog log, IReadOnlyList<string> secrets)
{
    private TimeSpan _waited;

    /// <summary>Runs <paramref name="action"/> (given the 1-based attempt) until it succeeds or the failure is not transient.</summary>
    public async Task<T> RunAsync<T>(string what, Func<int, CancellationToken, Task<T>> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(attempt, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not PublishException)
            {
                if (WaitFor(e, attempt) is not { } wait)
                {
                    throw;
                }

                if (wait > pacing.MaxWait)
                {
                    if (e is RateLimitExceededException)
                    {
                        throw; // the caller names the reset time
                    }

                    throw new PublishException($"publish: {what}: {Describe(e)}; GitHub asks to wait {Human(wait)}, longer than tfwheel waits ({Human(pacing.MaxWait)} at most). Re-run Publish later; it resumes where it stopped.", e);
                }

                if (attempt >= pacing.MaxAttempts || _waited + wait > pacing.MaxTotalWait)
                {
                    var why = attempt >= pacing.MaxAttempts ? $"failed after {attempt} attempts" : $"still failing after {Human(_waited)} of waiting ({Human(pacing.MaxTotalWait)} at most per run)";
                    throw new PublishException($"publish: {what} {why}: {Describe(e)}. Check GitHub's status and your network, then re-run Publish; it resumes where it stopped.", e);
                }

                log.WarningText($"{what}: {Describe(e)}; retrying in {Human(wait)} (attempt {attempt + 1} of {pacing.MaxAttempts})");
                _waited += wait;
                await pacing.Delay(wait, ct);
            }
        }
    }

    /// <summary>How long to wait before retrying after <paramref name="e"/> (possibly longer than allowed), or null when it must not be retried.</summary>
    internal TimeSpan? WaitFor(Exception e, int attempt)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(pacing.MaxBackoff.Ticks, pacing.InitialBackoff.Ticks << Math.Min(attempt - 1, 20)));
        switch (e)
        {
            case RateLimitExceededException r:
                return UntilReset(r.Reset);
            case SecondaryRateLimitExceededException s:
                return RetryAfter(s.HttpResponse.Headers) ?? TimeSpan.FromSeconds(60);
            case AbuseException a:
                return a.RetryAfterSeconds is { } secs ? TimeSpan.FromSeconds(Math.Max(0, secs)) : TimeSpan.FromSeconds(60);
            case ApiException a when (int)a.StatusCode == 429 || (int)a.StatusCode >= 500:
                return FromHeaders(a.HttpResponse?.Headers) ?? backoff;
            case GitHubHttpException h when (int)h.StatusCode == 429 || (int)h.StatusCode == 403 && FromHeaders(h.Headers) is not null:
                return FromHeaders(h.Headers) ?? backoff;
            case GitHubHttpException h when (int)h.StatusCode >= 500:
                return backoff;
            case GitHubHttpException { StatusCode: HttpStatusCode.UnprocessableEntity } h when h.Message.Contains("already_exists", StringComparison.Ordinal):
                // A broken earlier attempt left the name taken; the caller cleans up before the next attempt.
                return attempt == 1 ? TimeSpan.Zero : null;
            case HttpRequestException or IOException or TimeoutException or TaskCanceledException:
                return backoff;
            default:
                return null;
        }
    }

    /// <summary>"2 s", "1 min 40 s", "27 h 46 min", "24855 d 3 h": how long, for people.</summary>
    internal static string Human(TimeSpan t) =>
        t < TimeSpan.FromMinutes(1) ? $"{t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
        : t < TimeSpan.FromHours(1) ? $"{t.Minutes} min{(t.Seconds > 0 ? $" {t.Seconds} s" : "")}"
        : t < TimeSpan.FromDays(2) ? $"{(int)t.TotalHours} h{(t.Minutes > 0 ? $" {t.Minutes} min" : "")}"
        : $"{(long)t.TotalDays} d{(t.Hours > 0 ? $" {t.Hours} h" : "")}";

    private TimeSpan? FromHeaders(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        if (RetryAfter(headers) is { } after)
        {
            return after;
        }

        return Header(headers, "X-RateLimit-Remaining") == "0" && long.TryParse(Header(headers, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? epoch <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? UntilReset(DateTimeOffset.FromUnixTimeSeconds(epoch)) : TimeSpan.MaxValue
            : null;
    }

    private TimeSpan UntilReset(DateTimeOffset reset)
    {
        var wait = reset - pacing.Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    /// <summary>Retry-After as delay-seconds or an HTTP-date (RFC 9110 section 10.2.3); any size, without overflow.</summary>
    private TimeSpan? RetryAfter(IReadOnlyDictionary<string, string> headers)
    {
        var value = Header(headers, "Retry-After")?.Trim();
        if (value is null)
        {
            return null;
        }

        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            return value.Length > 12 || long.Parse(value, CultureInfo.InvariantCulture) > (long)TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.MaxValue
                : TimeSpan.FromSeconds(long.Parse(value, CultureInfo.InvariantCulture));
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? UntilReset(date - TimeSpan.FromSeconds(1))
            : null;
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private string Describe(Exception e) => Redactor.Redact(
        e switch
        {
            RateLimitExceededException r => $"API rate limit exhausted until {r.Reset:u}",
            SecondaryRateLimitExceededException => "secondary rate limit",
            ApiException a => $"HTTP {(int)a.StatusCode} {a.Message}",
            _ => e.Message,
        },
        secrets);
}
