using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Tests.Support;
using Tfwheel.Verify.Findings;
using NpmFixtures = Tfwheel.Tests.Verify.NpmFixtures;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The standalone Verify target (--wheel, no recipe) through the real program, on wheels packed from real
/// npm binaries: the wheel's own tag says what to require, and no build stage runs.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private const string MacArm64 = "tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl";
    private readonly TempDirectory _dir = new("tfwheel-e2e-verify-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_arm64_wheel_holding_an_x86_64_binary_exits_with_the_verify_code_and_explains_the_rosetta_crash()
    {
        var wheel = new TestWheel(MacArm64)
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinX64)
            .Write(_dir.Path);

        var result = await TfwheelProcess.RunAsync(_dir.Path, $"--wheel={wheel}", "--target=Verify");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Verify, result.ExitCode);
        Assert.Contains($"[{FindingCodes.SeedX86InArm64}] tensorflow/python/_pywrap_tensorflow_internal.so: The binary is x86_64 in an arm64 wheel", result.StandardOutput);
        Assert.Contains("'Illegal instruction'", result.StandardOutput);
        Assert.Contains("Verdict: FAILED", result.StandardOutput);
        AssertRanVerifyOnly(output);
        CommandLineTests.AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_good_arm64_wheel_exits_zero()
    {
        var wheel = new TestWheel(MacArm64)
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinArm64)
            .With("tensorflow/__init__.py", "import os\n"u8.ToArray())
            .Write(_dir.Path);

        var result = await TfwheelProcess.RunAsync(_dir.Path, "--target=Verify", $"--wheel={wheel}");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.Contains("Verdict: OK", result.StandardOutput);
        AssertRanVerifyOnly(TfwheelProcess.Output(result));
    }

    [Fact]
    public async Task Verify_as_json_prints_one_document_with_ok_wheel_binaries_and_findings()
    {
        var wheel = new TestWheel(MacArm64)
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinX64)
            .WithFixture("tensorflow/python/ok.so", NpmFixtures.RollupDarwinArm64)
            .Write(_dir.Path);

        var result = await TfwheelProcess.RunAsync(_dir.Path, "--target=Verify", $"--wheel={wheel}", "--format=json");

        Assert.Equal(ExitCodes.Verify, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var report = doc.RootElement;
        Assert.False(report.GetProperty("ok").GetBoolean());
        Assert.Equal(MacArm64, report.GetProperty("wheel").GetProperty("file").GetString());
        Assert.Equal(
            [("tensorflow/python/_pywrap_tensorflow_internal.so", "x86_64"), ("tensorflow/python/ok.so", "arm64")],
            report.GetProperty("binaries").EnumerateArray()
                .Select(b => (b.GetProperty("path").GetString()!, string.Join(",", b.GetProperty("archs").EnumerateArray().Select(a => a.GetString()))))
                .Order());
        var seed = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == FindingCodes.SeedX86InArm64);
        Assert.Equal("error", seed.GetProperty("severity").GetString());
        Assert.Equal("tensorflow/python/_pywrap_tensorflow_internal.so", seed.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_a_verify_failure_not_a_crash()
    {
        var wheel = _dir.Combine(MacArm64);
        File.WriteAllText(wheel, "not a zip archive\n");

        var result = await TfwheelProcess.RunAsync(_dir.Path, "--target=Verify", $"--wheel={wheel}");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Verify, result.ExitCode);
        Assert.Contains($"[{FindingCodes.ZipCorrupt}] {MacArm64}:", result.StandardOutput);
        Assert.Contains($"Verify failed: 1 error(s) in {MacArm64}, first [{FindingCodes.ZipCorrupt}] the archive itself.", output);
        CommandLineTests.AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_wheel_that_does_not_exist_exits_with_the_usage_code()
    {
        var result = await TfwheelProcess.RunAsync(_dir.Path, "--target=Verify", "--wheel=missing.whl");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--wheel=missing.whl: no such file", output);
        CommandLineTests.AssertNoStackTrace(output);
    }

    /// <summary>A named wheel needs no recipe and no build: the stages that would make one are skipped.</summary>
    private static void AssertRanVerifyOnly(string output)
    {
        Assert.DoesNotContain("+ git", output, StringComparison.Ordinal);
        Assert.DoesNotContain("+ bazel", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no recipe named", output, StringComparison.Ordinal);
    }
}
