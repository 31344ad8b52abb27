namespace Tfwheel.Verify.Archive;

/// <summary>
/// Lets parallel entry reads hold at most <see cref="Budget"/> bytes of estimated memory at once (an entry that
/// alone exceeds it runs when nothing else holds any). Small entries pass freely beside one large binary; two
/// large binaries take turns, so peak memory stays that of one, whatever the wheel.
/// </summary>
internal sealed class MemoryGate(long budget)
{
    private readonly object gate = new();
    private readonly LinkedList<(long Weight, TaskCompletionSource Ready)> waiting = new();
    private long held;

    public long Budget { get; } = budget;

    public async Task<IDisposable> EnterAsync(long weight, CancellationToken cancellation)
    {
        TaskCompletionSource ready;
        LinkedListNode<(long, TaskCompletionSource)> node;
        lock (gate)
        {
            if (waiting.Count == 0 && Fits(weight))
            {
                held += weight;
                return new Lease(this, weight);
            }

            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = waiting.AddLast((weight, ready));
        }

        using (cancellation.Register(() =>
        {
            lock (gate)
            {
                if (node.List is not null)
                {
                    waiting.Remove(node);
                    ready.TrySetCanceled(cancellation);
                }
            }
        }))
        {
            await ready.Task;
        }

        return new Lease(this, weight);
    }

    private bool Fits(long weight) => held == 0 || held + weight <= Budget;

    private void Leave(long weight)
    {
        lock (gate)
        {
            held -= weight;
            // First come, first served: the head waits until it fits, and nothing overtakes it.
            while (waiting.First is { } first && Fits(first.Value.Weight))
            {
                waiting.RemoveFirst();
                held += first.Value.Weight;
                first.Value.Ready.TrySetResult();
            }
        }
    }

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
