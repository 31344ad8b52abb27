using System.Diagnostics.CodeAnalysis;

namespace Tfwheel.Verify.Archive;

/// <summary>
/// Lets parallel entry reads hold at most <see cref="Budget"/> bytes of estimated memory at once (an entry that
/// alone exceeds it runs when nothing else holds any). A free worker takes the largest waiting entry that fits,
/// so small entries pass beside a large binary while a second large one waits its turn: the cores stay busy and
/// peak memory stays that of one large binary, whatever the wheel.
/// </summary>
internal sealed class MemoryGate(long budget)
{
    private readonly Lock sync = new();
    private TaskCompletionSource released = NewSignal();
    private long held;

    public long Budget { get; } = budget;

    /// <summary>Completes at the next release; take it before trying, so a release in between is not missed.</summary>
    public Task NextRelease
    {
        get
        {
            lock (sync)
            {
                return released.Task;
            }
        }
    }

    /// <summary>Enters with the first item of <paramref name="descending"/> (heaviest first) whose weight fits now.</summary>
    /// <returns>False when none fits (wait for <see cref="NextRelease"/>) or the list is empty.</returns>
    public bool TryEnterLargestFitting<T>(IReadOnlyList<T> descending, Func<T, long> weight, out int index, [NotNullWhen(true)] out IDisposable? lease)
    {
        lock (sync)
        {
            index = held == 0 ? (descending.Count > 0 ? 0 : -1) : FirstAtMost(descending, weight, Budget - held);
            if (index < 0)
            {
                lease = null;
                return false;
            }

            var taken = weight(descending[index]);
            held += taken;
            lease = new Lease(this, taken);
            return true;
        }
    }

    private static int FirstAtMost<T>(IReadOnlyList<T> descending, Func<T, long> weight, long room)
    {
        int low = 0, high = descending.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (weight(descending[middle]) <= room)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < descending.Count ? low : -1;
    }

    private void Leave(long weight)
    {
        TaskCompletionSource signal;
        lock (sync)
        {
            held -= weight;
            signal = released;
            released = NewSignal();
        }

        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Lease(MemoryGate owner, long weight) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(weight);
            }
        }
    }
}
