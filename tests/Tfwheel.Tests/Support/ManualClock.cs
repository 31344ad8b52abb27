namespace Tfwheel.Tests.Support;

/// <summary>
/// The tests' one clock: it moves only when told (<see cref="Advance"/>) or when the code under test "waits"
/// (<see cref="DelayAsync"/> records the wait and advances time instantly).
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return _waits.ToList();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public Task DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _waits.Add(wait);
            _now += wait;
        }

        return Task.CompletedTask;
    }
}
