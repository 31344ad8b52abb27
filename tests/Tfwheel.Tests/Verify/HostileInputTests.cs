using System.Buffers.Binary;
using CsCheck;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>Truncated headers, absurd counts and offsets, Java class files, garbage: findings, never crashes or huge allocations.</summary>
public sealed class HostileInputTests
{
    private static readonly byte[][] Magics =
    [
        [0xCA, 0xFE, 0xBA, 0xBE], [0xCA, 0xFE, 0xBA, 0xBF], [0xCF, 0xFA, 0xED, 0xFE], [0xFE, 0xED, 0xFA, 0xCF],
        [0xCE, 0xFA, 0xED, 0xFE], [0x7F, 0x45, 0x4C, 0x46],
    ];

    [Fact]
    public void Random_bytes_behind_every_magic_number_never_throw()
    {
        var gen = from magic in Gen.Int[0, Magics.Length - 1]
                  from body in Gen.Byte.Array[0, 4096]
                  from chunk in Gen.Int[1, 5000]
                  from claimed in Gen.Long[0, 1L << 40]
                  select (Bytes: Magics[magic].Concat(body).ToArray(), Chunk: chunk, Claimed: claimed);
        gen.Sample(t => ScanNeverThrows(t.Bytes, t.Chunk, t.Claimed), iter: 3000);
    }

    [Fact]
    public void Real_binaries_with_corrupted_or_cut_headers_never_throw()
    {
        // Whole small files (every header, table and string is in reach of a flip) and the start of larger ones.
        var sources = new[] { NpmFixtures.Fsevents, NpmFixtures.OnnxBindingLinuxArm64, NpmFixtures.OnnxBindingArm64, NpmFixtures.RollupLinuxX64 }
            .Select(f => NpmFixtures.Read(f)[..Math.Min(400_000, NpmFixtures.Read(f).Length)]).ToArray();
        var gen = from source in Gen.Int[0, sources.Length - 1]
                  from flips in Gen.Select(Gen.OneOf(Gen.Int[0, 8191], Gen.Int[0, 399_999]), Gen.Byte).Array[1, 12]
                  from cut in Gen.OneOf(Gen.Const(400_000), Gen.Int[0, 400_000])
                  from chunk in Gen.Int[1, 70_000]
                  select (source, flips, cut, chunk);
        gen.Sample(t =>
        {
            var bytes = sources[t.source][..Math.Min(t.cut, sources[t.source].Length)];
            foreach (var (at, value) in t.flips.Where(f => f.Item1 < bytes.Length))
            {
                bytes[at] = value;
            }

            ScanNeverThrows(bytes, t.chunk, bytes.Length);
        }, iter: 2000);
    }

    [Fact]
    public void A_Java_class_file_is_not_taken_for_a_fat_binary()
    {
        // A class file: 0xCAFEBABE, minor 0, major 52 (Java 8) - read as nfat_arch that is 52.
        byte[] klass = [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x34, 0x00, 0x1D, 0x0A, 0x00, 0x06, 0x00, 0x0F];
        Assert.Null(NativeBinaryScannerTests.Scan(klass, 3));
    }

    [Fact]
    public void Absurd_counts_and_sizes_are_reported_without_allocating_what_they_claim()
    {
        var fat = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(fat, 0xCAFEBABF);
        BinaryPrimitives.WriteUInt32BigEndian(fat.AsSpan(4), 20);

        var thin = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(thin, 0xFEEDFACF);
        BinaryPrimitives.WriteUInt32LittleEndian(thin.AsSpan(16), 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(thin.AsSpan(20), 0xFFFFFFF0);

        var elf = new byte[64];
        elf[0] = 0x7F; elf[1] = (byte)'E'; elf[2] = (byte)'L'; elf[3] = (byte)'F'; elf[4] = 2; elf[5] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(0x20), ulong.MaxValue - 8);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x36), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x38), 0xFFFF);

        foreach (var bytes in new[] { fat, thin, elf })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var scanner = new NativeBinaryScanner("hostile", 1L << 40);
            scanner.Feed(bytes);
            var binary = scanner.Complete()!;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.NotEmpty(binary.Problems);
            Assert.True(allocated < 1 << 20, $"scanning {bytes.Length} hostile bytes allocated {allocated} bytes");
        }
    }

    [Fact]
    public void A_truncated_binary_says_what_runs_past_the_end()
    {
        var cut = NpmFixtures.Read(NpmFixtures.Fsevents)[..100_000];
        var binary = NativeBinaryScannerTests.Scan(cut, 8192)!;
        Assert.Contains(binary.Problems, p => p.Contains("outside the 100000-byte file", StringComparison.Ordinal));
    }

    private static void ScanNeverThrows(byte[] bytes, int chunk, long claimed)
    {
        var scanner = new NativeBinaryScanner("fuzz", claimed);
        for (var at = 0; at < bytes.Length && scanner.Interested; at += chunk)
        {
            scanner.Feed(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
        }

        var binary = scanner.Complete();
        if (binary is not null)
        {
            Assert.True(binary.Slices.Count > 0 || binary.Problems.Count > 0, "a binary with neither slices nor problems");
        }
    }
}
