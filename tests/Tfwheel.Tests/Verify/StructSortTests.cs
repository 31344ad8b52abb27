using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>The audit's own sort gives the framework's order on the shapes that break naive quicksorts, and on random data.</summary>
public sealed class StructSortTests
{
    public static TheoryData<string> Shapes => ["random", "sorted", "reversed", "equal", "organ-pipe", "few-values", "sawtooth", "tiny"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sorts_like_Array_Sort(string shape)
    {
        foreach (var length in new[] { 0, 1, 2, 3, 17, 1000, 100_003 })
        {
            var items = Make(shape, length);
            var expected = items.ToArray();
            Array.Sort(expected);

            StructSort.Sort(items.AsSpan(), default(Ascending));

            Assert.Equal(expected, items);
        }
    }

    private static long[] Make(string shape, int length)
    {
        var random = new Random(length);
        return shape switch
        {
            "random" => [.. Enumerable.Range(0, length).Select(_ => random.NextInt64())],
            "sorted" => [.. Enumerable.Range(0, length).Select(i => (long)i)],
            "reversed" => [.. Enumerable.Range(0, length).Select(i => (long)(length - i))],
            "equal" => [.. Enumerable.Repeat(7L, length)],
            "organ-pipe" => [.. Enumerable.Range(0, length).Select(i => (long)Math.Min(i, length - i))],
            "few-values" => [.. Enumerable.Range(0, length).Select(_ => (long)random.Next(3))],
            "sawtooth" => [.. Enumerable.Range(0, length).Select(i => (long)(i % 37))],
            _ => [.. Enumerable.Range(0, length).Select(_ => (long)random.Next(2))],
        };
    }

    private readonly struct Ascending : IComparer<long>
    {
        public int Compare(long a, long b) => a.CompareTo(b);
    }
}
