namespace Tfwheel.Publish;

/// <summary>
/// How hard Publish leans on GitHub. GitHub asks for at least one second between mutating requests (secondary
/// rate limits, docs "Best practices for using the REST API"); retries back off exponentially.
/// </summary>
public sealed record PublishPacing
{
    public static PublishPacing Default { get; } = new();

    public TimeSpan MinimumWriteInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait for a rate limit to reset before giving up (GitHub's primary window is one hour).</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(65);

    /// <summary>Per-request timeout of an asset upload (a 2 GiB wheel on a slow uplink needs long).</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromHours(2);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Waits; tests replace it with one that advances a fake clock instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (t, ct) => Task.Delay(t, ct);
}
