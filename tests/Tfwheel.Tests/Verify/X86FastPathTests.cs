using Iced.Intel;
using Tfwheel.Tests.Support;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// The fast path (Iced's answers remembered per instruction form) must change nothing: the same instruction count,
/// invalid count, per-feature counts and feature runs as Iced decoding every byte, and Iced's length, validity and
/// features at every instruction it answers, over real machine code (the npm x86-64 binaries, gcc-built kernels,
/// this machine's libLLVM), random bytes and random prefix/VEX/EVEX soup (truncation, malformed encodings).
/// </summary>
public sealed class X86FastPathTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<string> Inputs() => ["rollup-linux", "rollup-darwin", "esbuild-darwin", "onnx-linux", "gcc-avx2", "gcc-dispatched", "libLLVM-15", "random", "prefix-soup"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_fast_path_decodes_exactly_what_iced_alone_decodes(string input)
    {
        var bytes = Bytes(input);
        var fast = new X86CodeAudit(fast: true);
        var iced = new X86CodeAudit(fast: false);

        fast.DecodeRange(0x1000, bytes);
        iced.DecodeRange(0x1000, bytes);

        Assert.True(iced.Instructions > bytes.Length / 16, $"{input}: {iced.Instructions} instructions in {bytes.Length} bytes");
        Assert.Equal((iced.Instructions, iced.Invalid), (fast.Instructions, fast.Invalid));
        Assert.Equal(Enumerable.Range(0, 64).Select(iced.InstructionsUsing), Enumerable.Range(0, 64).Select(fast.InstructionsUsing));
        Assert.Equal(iced.Runs.Gap, fast.Runs.Gap);
        Assert.Equal(iced.Runs.Sorted().ToArray(), fast.Runs.Sorted().ToArray());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_remembered_answer_is_what_iced_says_for_that_instruction(string input)
    {
        var bytes = Bytes(input);
        new X86CodeAudit(fast: true).DecodeRange(0x1000, bytes);
        var padded = new byte[bytes.Length + X86FastPath.Padding];
        bytes.CopyTo(padded, 0);
        var reader = new ByteArrayCodeReader(bytes);
        var decoder = Decoder.Create(64, reader);
        var (answered, wrong) = (0, new List<string>());
        for (var position = 0; position < bytes.Length;)
        {
            reader.Position = position;
            decoder.Decode(out var instruction);
            var length = reader.Position - position;
            var fast = X86FastPath.Lookup(padded, position, bytes.Length, out var answer, out _);
            if (fast > 0)
            {
                answered++;
                var same = fast == length && X86FastPath.IsInvalid(answer) == instruction.IsInvalid
                    && (instruction.IsInvalid || (X86FastPath.Mask(answer) == X86FeatureMap.Mask(instruction.Code) && X86FastPath.Ends(answer) == X86FeatureMap.EndsRun(instruction.Code)));
                if (!same && wrong.Count < 5)
                {
                    wrong.Add($"{position:X}: {Convert.ToHexString(bytes, position, Math.Min(15, bytes.Length - position))} fast {fast} bytes, Iced {length} bytes {instruction.Code}");
                }
            }

            // The quick table holds featureless answers only.
            var quick = X86FastPath.QuickLength(X86FastPath.QuickTable, padded, position, bytes.Length, out var bits);
            if (quick > 0)
            {
                answered++;
                var same = quick == length && X86FastPath.QuickInvalidAnswer(bits) == instruction.IsInvalid
                    && (instruction.IsInvalid || (X86FeatureMap.Mask(instruction.Code) == 0 && X86FastPath.QuickEndsAnswer(bits) == X86FeatureMap.EndsRun(instruction.Code)));
                if (!same && wrong.Count < 5)
                {
                    wrong.Add($"{position:X}: {Convert.ToHexString(bytes, position, Math.Min(15, bytes.Length - position))} quick {quick} bytes, Iced {length} bytes {instruction.Code}");
                }
            }

            position += length;
        }

        Assert.Empty(wrong);
        Assert.True(answered > 0, $"{input}: the fast path answered nothing");
    }

    /// <summary>Random instructions led by every kind of prefix and escape (REX after prefixes, VEX/EVEX/XOP with random payloads).</summary>
    private static byte[] PrefixSoup()
    {
        byte[][] leads = [[0x66], [0x67], [0xF2], [0xF3], [0xF0], [0x2E], [0x64], [0x48], [0x41], [0x4C], [0x0F], [0x0F, 0x38], [0x0F, 0x3A], [0x0F, 0x0F], [0xC4], [0xC5], [0x62], [0x8F]];
        var random = new Random(13);
        var soup = new List<byte>(4 << 20);
        while (soup.Count < (4 << 20) - 32)
        {
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                soup.AddRange(leads[random.Next(leads.Length)]);
            }

            var tail = new byte[random.Next(1, 12)];
            random.NextBytes(tail);
            soup.AddRange(tail);
        }

        return [.. soup];
    }

    private byte[] Bytes(string input)
    {
        switch (input)
        {
            case "random":
                var random = new byte[4 << 20];
                new Random(12).NextBytes(random);
                return random;
            case "prefix-soup":
                return PrefixSoup();
            case "gcc-avx2" or "gcc-dispatched":
                return GccKernels.Build(dir.Path, input[4..]);
            case "libLLVM-15":
                // 24 MiB from the middle of .text: compiler-generated code of every kind.
                const string llvm = "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1";
                Assert.True(File.Exists(llvm), $"{llvm} is missing: install llvm-15 (see .ci/run)");
                using (var file = File.OpenRead(llvm))
                {
                    var slice = new byte[24 << 20];
                    file.Position = 32 << 20;
                    file.ReadExactly(slice);
                    return slice;
                }

            default:
                return NpmFixtures.Read(input switch
                {
                    "rollup-linux" => NpmFixtures.RollupLinuxX64,
                    "rollup-darwin" => NpmFixtures.RollupDarwinX64,
                    "esbuild-darwin" => NpmFixtures.EsbuildDarwinX64,
                    _ => NpmFixtures.OnnxSoX64,
                });
        }
    }
}
