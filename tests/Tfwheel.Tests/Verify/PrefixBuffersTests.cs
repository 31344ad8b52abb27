using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>The ELF prefix buffer is handed from one binary to the next instead of left for the collector.</summary>
[CollectionDefinition(nameof(PrefixBuffersTests), DisableParallelization = true)]
public sealed class PrefixBuffersCollection;

/// <summary>Alone (no parallel Verify may take the spare): the ELF prefix buffer is handed from one binary to the next.</summary>
[Collection(nameof(PrefixBuffersTests))]
public sealed class PrefixBuffersTests
{
    [Fact]
    public void The_largest_returned_buffer_is_kept_and_rented_again_small_ones_are_not()
    {
        PrefixBuffers.Clear();
        var big = PrefixBuffers.Rent(4 << 20);
        var bigger = PrefixBuffers.Rent(8 << 20);
        PrefixBuffers.Return(big);
        PrefixBuffers.Return(bigger);

        Assert.Same(bigger, PrefixBuffers.Rent(5 << 20));
        Assert.NotSame(big, PrefixBuffers.Rent(2 << 20));

        var small = PrefixBuffers.Rent(4096);
        PrefixBuffers.Return(small);
        Assert.NotSame(small, PrefixBuffers.Rent(4096));

        PrefixBuffers.Return(bigger);
        PrefixBuffers.Clear();
        Assert.NotSame(bigger, PrefixBuffers.Rent(5 << 20));
    }

    [Fact]
    public void A_binary_read_after_another_reuses_its_prefix_and_reads_the_same()
    {
        PrefixBuffers.Clear();
        var library = File.ReadAllBytes("/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1");
        NativeBinary? Scan()
        {
            var scanner = new NativeBinaryScanner("libLLVM-15.so.1", library.Length);
            for (var at = 0; at < library.Length && scanner.Interested; at += 1 << 20)
            {
                scanner.Feed(library.AsSpan(at, Math.Min(1 << 20, library.Length - at)));
            }

            return scanner.Complete();
        }

        var first = Scan();
        var kept = PrefixBuffers.Rent(1 << 20);
        Assert.Equal(ElfScan.MaxPrefix, kept.Length);
        PrefixBuffers.Return(kept);
        var second = Scan();
        Assert.Same(kept, PrefixBuffers.Rent(1 << 20));

        Assert.NotNull(first);
        Assert.Equal(first.Slices.Single().Libraries, second!.Slices.Single().Libraries);
        Assert.Equal(first.Slices.Single().Isa!.Features.Select(f => (f.Name, f.Instructions, f.Units)), second.Slices.Single().Isa!.Features.Select(f => (f.Name, f.Instructions, f.Units)));
        Assert.StartsWith("functions", first.Slices.Single().Isa!.UnitKind);
        Assert.True(first.Slices.Single().Isa!.Units > 10_000, "the symbols were read from the retained prefix");
        PrefixBuffers.Clear();
    }
}
