using CsCheck;
using Tfwheel.Tests.Support;
using Tfwheel.Verify;

namespace Tfwheel.Tests.Verify;

/// <summary>Whatever bytes a .whl holds, Verify returns a report with errors; it never throws.</summary>
public sealed class CorruptArchiveTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Randomly_damaged_wheels_yield_failed_reports_never_exceptions()
    {
        var wheel = new TestWheel("t-1.0-cp312-cp312-macosx_11_0_arm64.whl")
            .WithFixture("t/fsevents.so", NpmFixtures.Fsevents)
            .With("t/__init__.py", "x = 1\n"u8.ToArray()) with
        { Compression = System.IO.Compression.CompressionLevel.Optimal };
        var original = File.ReadAllBytes(wheel.Write(dir.Path));
        var path = dir.Combine("damaged", "t-1.0-cp312-cp312-macosx_11_0_arm64.whl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var gen = from flips in Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte).Array[1, 8]
                  from cut in Gen.Int[original.Length / 2, original.Length]
                  select (flips, cut);
        gen.Sample(t =>
        {
            var bytes = original[..t.cut];
            foreach (var (at, value) in t.flips.Where(f => f.Item1 < bytes.Length))
            {
                bytes[at] ^= (byte)(value | 1);
            }

            File.WriteAllBytes(path, bytes);
            var report = WheelVerifier.VerifyAsync(path, VerifyRequirements.FromWheelFileName(path), CancellationToken.None).GetAwaiter().GetResult();
            Assert.False(report.Ok && t.cut < original.Length, "a cut wheel passed");
        }, iter: 1000, threads: 1);
    }
}
