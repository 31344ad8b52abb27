using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Tests.Support;
using Tfwheel.Tests.Verify;
using Tfwheel.Verify.Findings;
using WheelsTestWheel = Tfwheel.Tests.Support.TestWheel;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// Issue 11's hostile wheels through the real program: each gives one JSON document with the finding that
/// names it and the Verify exit code, under a heap limit far below what the attacks used to take.
/// </summary>
public sealed class HostileWheelTests : IDisposable
{
    private const string MacArm64 = "tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl";
    private const string LinuxX64 = "tensorflow-2.20.0-cp312-cp312-manylinux_2_17_x86_64.whl";
    private readonly TempDirectory _dir = new("tfwheel-e2e-hostile-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_empty_wheel_fails_for_its_missing_dist_info_and_record()
    {
        var wheel = _dir.Combine(MacArm64);
        using (ZipFile.Open(wheel, ZipArchiveMode.Create))
        {
        }

        var codes = await VerifyCodesAsync(wheel);

        Assert.Contains(FindingCodes.WheelMetadataMissing, codes);
        Assert.Contains(FindingCodes.RecordMissing, codes);
    }

    [Fact]
    public async Task A_wheel_of_directories_only_fails_for_its_missing_dist_info_and_record()
    {
        var wheel = _dir.Combine(MacArm64);
        using (var zip = ZipFile.Open(wheel, ZipArchiveMode.Create))
        {
            zip.CreateEntry("tensorflow/");
            zip.CreateEntry("tensorflow-2.20.0.dist-info/");
        }

        var codes = await VerifyCodesAsync(wheel);

        Assert.Contains(FindingCodes.WheelMetadataMissing, codes);
        Assert.Contains(FindingCodes.RecordMissing, codes);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(52)] // reads as a Java 8 class file's version
    public async Task A_fat_binary_of_many_x86_64_slices_in_an_arm64_wheel_is_read_not_taken_for_a_java_class(int slices)
    {
        var x86 = new MachOBuilder(0x01000007, 3).BuildVersion(1, 12, 0).Build();
        var wheel = new WheelsTestWheel(MacArm64).With("tensorflow/python/_pywrap.so", HostileBinaries.Fat(x86, slices)).Write(_dir.Path);

        var codes = await VerifyCodesAsync(wheel);

        Assert.Contains(FindingCodes.SeedX86InArm64, codes);
    }

    [Fact]
    public async Task A_member_whose_crc_32_is_wrong_is_a_finding()
    {
        var wheel = new WheelsTestWheel(MacArm64).With("tensorflow/__init__.py", "x = 1\n"u8.ToArray()).Write(_dir.Path);
        var bytes = File.ReadAllBytes(wheel);
        var name = Encoding.UTF8.GetBytes("tensorflow/__init__.py");
        var central = bytes.AsSpan().LastIndexOf(name) - 46; // central directory header: name at +46, CRC-32 at +16
        Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(central)));
        bytes[central + 16] ^= 0xFF;
        File.WriteAllBytes(wheel, bytes);

        var codes = await VerifyCodesAsync(wheel);

        Assert.Equal([FindingCodes.ZipCrcMismatch], codes);
    }

    [Fact]
    public async Task An_end_record_whose_entry_count_is_off_by_one_is_a_finding_in_one_json_document()
    {
        var wheel = new WheelsTestWheel(MacArm64).With("tensorflow/__init__.py", "x = 1\n"u8.ToArray()).Write(_dir.Path);
        var bytes = File.ReadAllBytes(wheel);
        var end = bytes.Length - 22; // end of central directory record, no comment: counts at +8 and +10
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end)));
        bytes[end + 8]++;
        bytes[end + 10]++;
        File.WriteAllBytes(wheel, bytes);

        var codes = await VerifyCodesAsync(wheel);

        Assert.Equal([FindingCodes.ZipCorrupt], codes);
    }

    [Fact]
    public async Task An_elf_whose_4096_needed_names_share_one_16_mib_string_is_malformed_within_a_small_heap()
    {
        var elf = HostileBinaries.ElfWithOneHugeName(4096, 16 << 20);
        var wheel = new WheelsTestWheel(LinuxX64) { Compression = CompressionLevel.Optimal }.With("tensorflow/libhostile.so", elf).Write(_dir.Path);
        Assert.True(new FileInfo(wheel).Length < 200_000, "the attack is a small download");

        var codes = await VerifyCodesAsync(wheel);

        Assert.Contains(FindingCodes.BinaryMalformed, codes);
    }

    [Fact]
    public async Task A_mach_o_with_100k_rpaths_and_100k_rpath_libraries_is_malformed_within_a_small_heap()
    {
        var builder = new MachOBuilder().BuildVersion(1, 12, 0).Signed();
        for (var i = 0; i < 100_000; i++)
        {
            builder.Rpath("@loader_path").Dylib("@rpath/a");
        }

        var wheel = new WheelsTestWheel(MacArm64) { Compression = CompressionLevel.Optimal }.With("tensorflow/_hostile.so", builder.Build()).Write(_dir.Path);

        var codes = await VerifyCodesAsync(wheel);

        Assert.Contains(FindingCodes.BinaryMalformed, codes);
    }

    [Fact]
    public async Task Member_names_with_control_characters_are_escaped_in_text_output()
    {
        var hostile = "tensorflow/x\n::error file=pwned::injected\u001b]0;owned\u0007.so";
        var wheel = new WheelsTestWheel(MacArm64).With(hostile, new MachOBuilder(0x01000007, 3).Build()).Write(_dir.Path);

        var result = await RunAsync(wheel, "--format=text");

        Assert.Equal(ExitCodes.Verify, result.ExitCode);
        var output = TfwheelProcess.Output(result);
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("::error file=pwned", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("tensorflow/x\\n::error file=pwned::injected\\x1b]0;owned\\x07.so", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The finding codes of a --format=json run, which must be one JSON document and exit with the Verify code.</summary>
    private async Task<IReadOnlyList<string>> VerifyCodesAsync(string wheel)
    {
        var result = await RunAsync(wheel, "--format=json");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Verify, output);
        CommandLineTests.AssertNoStackTrace(output);
        using var doc = JsonDocument.Parse(result.StandardOutput);
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        return doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).Distinct().ToList();
    }

    /// <summary>Verify under a 384 MiB managed heap (the attacks above asked for gigabytes); text runs as on GitHub Actions, where a line starting with :: is a command.</summary>
    private Task<ProcessResult> RunAsync(string wheel, string format) =>
        TfwheelProcess.RunAsync(
            _dir.Path,
            new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x18000000", ["GITHUB_ACTIONS"] = format == "--format=text" ? "true" : null },
            "--target=Verify",
            $"--wheel={wheel}",
            format);
}
