namespace Tfwheel.Publish;

/// <summary>Spaces mutating requests at least <see cref="PublishPacing.MinimumWriteInterval"/> apart (GitHub's secondary-limit advice).</summary>
internal sealed class WriteGate(PublishPacing pacing)
{
    private DateTimeOffset? _last;

    public int Writes { get; private set; }

    public async Task WaitTurnAsync(CancellationToken ct)
    {
        if (_last is { } last)
        {
            var wait = last + pacing.MinimumWriteInterval - pacing.Clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await pacing.Delay(wait, ct);
            }
        }

        _last = pacing.Clock.GetUtcNow();
        Writes++;
    }
}
