using Tfwheel.Verify.Archive;

namespace Tfwheel.Tests.Verify;

/// <summary>The budget that keeps two large binaries from being read at once while small ones pass beside them.</summary>
public sealed class MemoryGateTests
{
    [Fact]
    public void A_second_large_entry_waits_for_the_first_while_small_ones_pass_beside_it()
    {
        var gate = new MemoryGate(100);
        List<long> waiting = [60, 60, 30, 10];

        Assert.True(gate.TryEnterLargestFitting(waiting, w => w, out var at, out var first));
        Assert.Equal(0, at);
        waiting.RemoveAt(at);
        Assert.True(gate.TryEnterLargestFitting(waiting, w => w, out at, out var small));
        Assert.Equal(30, waiting[at]);
        waiting.RemoveAt(at);
        Assert.True(gate.TryEnterLargestFitting(waiting, w => w, out at, out var smaller));
        Assert.Equal(10, waiting[at]);
        waiting.RemoveAt(at);

        var released = gate.NextRelease;
        Assert.False(gate.TryEnterLargestFitting(waiting, w => w, out _, out _));
        small.Dispose();
        Assert.True(released.IsCompleted);
        Assert.False(gate.TryEnterLargestFitting(waiting, w => w, out _, out _));
        first.Dispose();
        Assert.True(gate.TryEnterLargestFitting(waiting, w => w, out at, out var second));
        Assert.Equal(60, waiting[at]);
        second.Dispose();
        smaller.Dispose();
        smaller.Dispose();
        Assert.True(gate.TryEnterLargestFitting<long>([100], w => w, out _, out var full));
        full.Dispose();
    }

    [Fact]
    public void An_entry_larger_than_the_budget_runs_alone()
    {
        var gate = new MemoryGate(100);
        Assert.True(gate.TryEnterLargestFitting<long>([500, 10], w => w, out var at, out var huge));
        Assert.Equal(0, at);
        Assert.False(gate.TryEnterLargestFitting<long>([10], w => w, out _, out _));
        huge.Dispose();
        Assert.True(gate.TryEnterLargestFitting<long>([10], w => w, out _, out var small));
        Assert.False(gate.TryEnterLargestFitting<long>([500], w => w, out _, out _));
        small.Dispose();
        Assert.False(gate.TryEnterLargestFitting<long>([], w => w, out _, out _));
    }
}
