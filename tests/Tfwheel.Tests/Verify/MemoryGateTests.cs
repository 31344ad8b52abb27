using Tfwheel.Verify.Archive;

namespace Tfwheel.Tests.Verify;

/// <summary>The budget that keeps two large binaries from being read at once.</summary>
public sealed class MemoryGateTests
{
    [Fact]
    public async Task A_second_large_entry_waits_for_the_first_and_small_ones_do_not_overtake_it()
    {
        var gate = new MemoryGate(100);
        var first = await gate.EnterAsync(60, CancellationToken.None);
        var second = gate.EnterAsync(60, CancellationToken.None);
        var small = gate.EnterAsync(10, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.False(small.IsCompleted);
        first.Dispose();
        using var secondLease = await second;
        using var smallLease = await small;
    }

    [Fact]
    public async Task An_entry_larger_than_the_budget_runs_alone_and_a_cancelled_wait_gives_its_place_up()
    {
        var gate = new MemoryGate(100);
        var huge = await gate.EnterAsync(500, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(10, cancel.Token);
        var after = gate.EnterAsync(10, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(after.IsCompleted);
        huge.Dispose();
        using var lease = await after;
    }
}
