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
    public void Code_that_the_headers_list_many_times_over_is_decoded_once()
    {
        // 64 program headers, each mapping the whole 1 MiB file as code: decoding each would be 64 MiB of work.
        var file = HostileBinaries.ElfWithOverlappingCode(count: 64, length: 1 << 20);

        var isa = Assert.Single(NativeBinaryScannerTests.Scan(file, 70_000)!.Slices).Isa!;

        Assert.Equal(file.Length, isa.CodeBytes);
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

    [Fact]
    public void A_fat_file_of_any_slice_count_is_read_as_fat_whatever_its_count_reads_as_in_a_class_file()
    {
        // Issue 11: 31+ slices used to be taken for a Java class and skipped; 45..70 are class-version counts.
        var x86 = new MachOBuilder(0x01000007, 3).Build();
        var arm = new MachOBuilder().Build();
        Gen.Select(Gen.Int[1, 80], Gen.Bool, Gen.Int[1, 70_000]).Sample((count, isArm, chunk) =>
        {
            var binary = NativeBinaryScannerTests.Scan(HostileBinaries.Fat(isArm ? arm : x86, count, isArm ? 0x0100000Cu : 0x01000007u), chunk);

            Assert.NotNull(binary);
            Assert.Equal(NativeBinary.MachOFat, binary.Format);
            Assert.Equal(count, binary.Slices.Count);
        }, iter: 60);
    }

    [Fact]
    public void A_class_file_of_any_version_and_body_is_not_taken_for_a_fat_binary()
    {
        var gen = from minor in Gen.OneOf(Gen.Const((ushort)0), Gen.Const((ushort)3), Gen.Const((ushort)0xFFFF))
                  from major in Gen.Int[45, 70]
                  from body in Gen.Byte.Array[0, 3000]
                  select (minor, major, body);
        gen.Sample(t =>
        {
            var klass = new byte[8 + t.body.Length];
            BinaryPrimitives.WriteUInt32BigEndian(klass, 0xCAFEBABE);
            BinaryPrimitives.WriteUInt16BigEndian(klass.AsSpan(4), t.minor);
            BinaryPrimitives.WriteUInt16BigEndian(klass.AsSpan(6), (ushort)t.major);
            t.body.CopyTo(klass, 8);

            Assert.Null(NativeBinaryScannerTests.Scan(klass, 4096));
        }, iter: 300);
    }

    [Fact]
    public void Needed_names_sharing_one_huge_string_are_malformed_without_allocating_a_copy_each()
    {
        // Issue 11: 4096 DT_NEEDED at one offset of a 16 MiB table asked for 4096 copies of it (128 GiB).
        Gen.Select(Gen.Int[1, 4096], Gen.Int[8192, 4 << 20]).Sample((needed, length) =>
        {
            var elf = HostileBinaries.ElfWithOneHugeName(needed, 176 + ((needed + 3) * 16) + length); // headers, PT_DYNAMIC, then the string
            var before = GC.GetAllocatedBytesForCurrentThread();
            var binary = NativeBinaryScannerTests.Scan(elf, 1 << 20)!;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Contains(binary.Problems, p => p.Contains("longer than the 4096 a name may have", StringComparison.Ordinal));
            Assert.True(allocated < (3L * elf.Length) + (16 << 20), $"{needed} names into {elf.Length} bytes allocated {allocated}");
        }, iter: 12);
    }

    [Fact]
    public void Any_number_of_rpaths_and_rpath_libraries_is_read_in_bounded_time_and_findings()
    {
        // Issue 11: 100k LC_RPATH x 100k @rpath libraries was quadratic; past the caps the image is malformed.
        Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 6000]).Sample((rpaths, libraries) =>
        {
            var builder = new MachOBuilder().Signed();
            for (var i = 0; i < Math.Max(rpaths, libraries); i++)
            {
                _ = i < rpaths ? builder.Rpath("@loader_path/r" + i) : builder;
                _ = i < libraries ? builder.Dylib("@rpath/lib" + i + ".dylib") : builder;
            }

            var binary = NativeBinaryScannerTests.Scan(builder.Build(), 1 << 16, "pkg/x.so")!;
            var findings = Tfwheel.Verify.BinaryChecks.Check([binary], new HashSet<string>(), Tfwheel.Verify.VerifyRequirements.FromWheelFileName("x-1-cp312-cp312-macosx_12_0_arm64.whl"));

            Assert.Equal(rpaths > 256 || libraries > 4096, binary.Problems.Count > 0);
            Assert.True(findings.Count <= 50, $"{findings.Count} findings");
            Assert.All(findings, f => Assert.True(f.Message.Length < 2000, f.Message[..Math.Min(200, f.Message.Length)]));
        }, iter: 15);
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
