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

    /// <summary>
    /// Longest single wait. When GitHub asks for longer (Retry-After, a rate-limit reset), Publish stops at once and
    /// says when to re-run instead of holding a CI job for hours; re-running resumes where it stopped.
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest total of all retry waits in one Publish run; past it Publish stops (re-running resumes).</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Per-request timeout of an asset upload (a 2 GiB wheel on a slow uplink needs long).</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromHours(2);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Waits; tests replace it with one that advances a fake clock instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (t, ct) => Task.Delay(t, ct);
}
