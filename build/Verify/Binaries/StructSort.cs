namespace Tfwheel.Verify.Binaries;

/// <summary>
/// An unstable in-place sort for the audit's large tables of structs (function entries, feature runs: up to a
/// million each), defined here so that ReadyToRun compiles it for them: the framework's sort over a struct of this
/// assembly is not precompiled and ran as unoptimized JIT code with a delegate call per comparison (bench
/// verify-parallel's profile: ~3% of Verify's CPU). Quicksort with a median-of-three pivot, insertion sort for short
/// ranges, heapsort past a depth of 2 log2(n), so any input, hostile ones included, takes O(n log n).
/// </summary>
internal static class StructSort
{
    private const int Short = 16;

    public static void Sort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        if (items.Length > 1)
        {
            Introsort(items, comparer, 2 * System.Numerics.BitOperations.Log2((uint)items.Length));
        }
    }

    private static void Introsort<T, TComparer>(Span<T> items, TComparer comparer, int depth)
        where TComparer : struct, IComparer<T>
    {
        while (items.Length > Short)
        {
            if (depth-- == 0)
            {
                Heapsort(items, comparer);
                return;
            }

            var split = Partition(items, comparer);
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            if (split < items.Length - split)
            {
                Introsort(items[..split], comparer, depth);
                items = items[(split + 1)..];
            }
            else
            {
                Introsort(items[(split + 1)..], comparer, depth);
                items = items[..split];
            }
        }

        InsertionSort(items, comparer);
    }

    /// <summary>Puts the median of the first, middle and last items at its place; returns that index.</summary>
    private static int Partition<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        var last = items.Length - 1;
        var middle = last / 2;
        SwapIfGreater(items, comparer, 0, middle);
        SwapIfGreater(items, comparer, 0, last);
        SwapIfGreater(items, comparer, middle, last);
        (items[middle], items[last - 1]) = (items[last - 1], items[middle]);
        var pivot = items[last - 1];
        int left = 0, right = last - 1;
        while (true)
        {
            while (comparer.Compare(items[++left], pivot) < 0)
            {
            }

            while (comparer.Compare(pivot, items[--right]) < 0)
            {
            }

            if (left >= right)
            {
                break;
            }

            (items[left], items[right]) = (items[right], items[left]);
        }

        (items[left], items[last - 1]) = (items[last - 1], items[left]);
        return left;
    }

    private static void SwapIfGreater<T, TComparer>(Span<T> items, TComparer comparer, int i, int j)
        where TComparer : struct, IComparer<T>
    {
        if (comparer.Compare(items[i], items[j]) > 0)
        {
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static void InsertionSort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && comparer.Compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }

    private static void Heapsort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        for (var i = (items.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(items, comparer, i, items.Length);
        }

        for (var end = items.Length - 1; end > 0; end--)
        {
            (items[0], items[end]) = (items[end], items[0]);
            SiftDown(items, comparer, 0, end);
        }
    }

    private static void SiftDown<T, TComparer>(Span<T> items, TComparer comparer, int root, int count)
        where TComparer : struct, IComparer<T>
    {
        while (true)
        {
            var child = (2 * root) + 1;
            if (child >= count)
            {
                return;
            }

            if (child + 1 < count && comparer.Compare(items[child], items[child + 1]) < 0)
            {
                child++;
            }

            if (comparer.Compare(items[root], items[child]) >= 0)
            {
                return;
            }

            (items[root], items[child]) = (items[child], items[root]);
            root = child;
        }
    }
}
