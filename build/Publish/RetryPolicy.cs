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
/// "Rate limits for the REST API" page asks. Other 4xx are not retried. What it says about a failure masks
/// <paramref name="secrets"/>: an error page or proxy may echo the request's Authorization header.
/// </summary>
internal sealed class RetryPolicy(PublishPacing pacing, ICakeLog log, IReadOnlyList<string> secrets)
{
    /// <summary>Runs <paramref name="action"/> (given the 1-based attempt) until it succeeds or the failure is not transient.</summary>
    public async Task<T> RunAsync<T>(string what, Func<int, CancellationToken, Task<T>> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(attempt, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && attempt < pacing.MaxAttempts && WaitFor(e, attempt) is { } wait)
            {
                log.WarningText($"{what}: {Describe(e)}; retrying in {wait.TotalSeconds:0.#} s (attempt {attempt + 1} of {pacing.MaxAttempts})");
                await pacing.Delay(wait, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not PublishException && WaitFor(e, attempt) is not null)
            {
                throw new PublishException($"publish: {what} failed after {attempt} attempts: {Describe(e)}. Check GitHub's status and your network, then re-run Publish; it resumes where it stopped.", e);
            }
        }
    }

    /// <summary>How long to wait before retrying after <paramref name="e"/>, or null when it must not be retried.</summary>
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
                return a.RetryAfterSeconds is { } secs ? TimeSpan.FromSeconds(secs) : TimeSpan.FromSeconds(60);
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

        return Header(headers, "X-RateLimit-Remaining") == "0" && long.TryParse(Header(headers, "X-RateLimit-Reset"), out var epoch)
            ? UntilReset(DateTimeOffset.FromUnixTimeSeconds(epoch))
            : null;
    }

    private TimeSpan? UntilReset(DateTimeOffset reset)
    {
        var wait = reset - pacing.Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        return wait > pacing.MaxRateLimitWait ? null : wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    private static TimeSpan? RetryAfter(IReadOnlyDictionary<string, string> headers) =>
        int.TryParse(Header(headers, "Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null;

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
