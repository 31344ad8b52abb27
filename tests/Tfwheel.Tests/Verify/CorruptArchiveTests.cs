using System.Buffers.Binary;
using CsCheck;
using Tfwheel.Tests.Support;
using Tfwheel.Verify;
using Tfwheel.Verify.Findings;

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

    [Fact]
    public void A_wrong_crc_or_entry_count_anywhere_is_a_finding_never_an_exception()
    {
        // Issue 11: a wrong CRC-32 passed; an end record's count off by one ended the run with exit 1 and no report.
        var original = File.ReadAllBytes(new TestWheel("t-1.0-cp312-cp312-macosx_11_0_arm64.whl")
            .With("t/a.py", "a = 1\n"u8.ToArray()).With("t/b.py", "b = 2\n"u8.ToArray()).Write(dir.Path));
        var centrals = Enumerable.Range(0, original.Length - 4).Where(i => BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(i)) == 0x02014b50).ToArray();
        var path = dir.Combine("damaged", "t-1.0-cp312-cp312-macosx_11_0_arm64.whl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Gen.Select(Gen.Int[0, centrals.Length - 1], Gen.Byte[1, 255], Gen.Int[-3, 3]).Sample((entry, crcFlip, countDelta) =>
        {
            var bytes = original.ToArray();
            bytes[centrals[entry] + 16] ^= crcFlip;
            var end = bytes.Length - 22;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 8), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 8)) + countDelta));
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 10), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10)) + countDelta));
            File.WriteAllBytes(path, bytes);

            var report = WheelVerifier.VerifyAsync(path, VerifyRequirements.FromWheelFileName(path), CancellationToken.None).GetAwaiter().GetResult();

            Assert.False(report.Ok);
            Assert.Contains(report.Findings, f => f.Code is FindingCodes.ZipCrcMismatch or FindingCodes.ZipCorrupt);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Any_name_renders_as_one_line_without_control_characters()
    {
        // Issue 11: a member named "x\n::error ..." became a workflow command; ESC ] an OSC sequence.
        var hostileChar = Gen.OneOf(Gen.Char, Gen.Char['\0', '\u001f'], Gen.Char['\u007f', '\u009f'], Gen.Char['\u2028', '\u202e'], Gen.Char['\u2066', '\u2069']);
        Gen.Select(hostileChar.Array[0, 80], hostileChar.Array[0, 80]).Sample((path, message) =>
        {
            var findings = new[] { Finding.Error("zip.corrupt", new string(path), new string(message)), Finding.Warning("link.unresolved", "", new string(message)) };
            using var output = new StringWriter();
            VerifyReportWriter.WriteFindings(findings, "w\n::error::x.whl", output);

            var lines = output.ToString().Split(Environment.NewLine);
            Assert.Equal(2 + 2 + 2 + 1, lines.Length); // per severity: a blank line, a heading, a finding; then the final newline
            Assert.DoesNotContain(output.ToString().Replace(Environment.NewLine, "", StringComparison.Ordinal), c => char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069');
        }, iter: 2000);
    }
}
