using Tfwheel.Tests.Support;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// The fast path for featureless x86-64 instructions must change nothing: the same instruction count, invalid count,
/// per-feature counts and feature runs as Iced decoding every byte, over real machine code (the npm x86-64
/// binaries, gcc-built kernels, this machine's libLLVM) and over random bytes (prefix soup, truncation).
/// </summary>
public sealed class X86FastPathTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<string> Inputs() => ["rollup-linux", "rollup-darwin", "esbuild-darwin", "onnx-linux", "gcc-avx2", "gcc-dispatched", "libLLVM-15", "random"];

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

    private byte[] Bytes(string input)
    {
        switch (input)
        {
            case "random":
                var random = new byte[4 << 20];
                new Random(12).NextBytes(random);
                return random;
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
