namespace Tfwheel.Processes;

/// <summary>Keeps the last N lines of a stream, whatever its length.</summary>
internal sealed class BoundedTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly object _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            if (capacity <= 0)
            {
                return;
            }

            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> ToList()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
