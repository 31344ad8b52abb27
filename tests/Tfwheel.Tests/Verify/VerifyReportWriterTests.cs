using System.Text.Json;
using Tfwheel.Tests.Support;
using Tfwheel.Verify;

namespace Tfwheel.Tests.Verify;

public sealed class VerifyReportWriterTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Json_has_exactly_the_documented_shape()
    {
        var report = await MixedWheelReport();
        using var doc = JsonDocument.Parse(VerifyReportWriter.ToJson(report));
        var root = doc.RootElement;

        Assert.Equal(["ok", "wheel", "binaries", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(["file", "name", "version", "tags", "sizeBytes", "files", "sha256"], root.GetProperty("wheel").EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("wheel").GetProperty("sha256").GetString());
        var binary = root.GetProperty("binaries").EnumerateArray().Single(b => b.GetProperty("path").GetString() == "t/fsevents.so");
        Assert.Equal(["path", "format", "archs", "minOs", "libraries", "rpaths", "baselineFeatures", "dispatchedFeatures", "isa"], binary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["x86_64", "arm64"], binary.GetProperty("archs").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("mach-o-fat", binary.GetProperty("format").GetString());
        var finding = root.GetProperty("findings").EnumerateArray().First();
        Assert.Equal(["code", "severity", "path", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Text_has_a_row_per_binary_findings_by_severity_and_a_verdict()
    {
        var report = await MixedWheelReport();
        var text = new StringWriter();
        VerifyReportWriter.WriteText(report, text);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Contains(lines, l => l.StartsWith("BINARY", StringComparison.Ordinal) && l.Contains("ARCHS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("t/fsevents.so", StringComparison.Ordinal) && l.Contains("x86_64,arm64", StringComparison.Ordinal) && l.Contains("CoreFoundation", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("t/x64.so", StringComparison.Ordinal) && l.Contains("10.13", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ERRORS (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[arch.x86_64-in-arm64-wheel] t/x64.so:", StringComparison.Ordinal));
        Assert.StartsWith("Verdict: FAILED", lines.Last(l => l.Length > 0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_report_throws_the_verify_exit_code_for_the_task()
    {
        var report = await MixedWheelReport();

        var e = Assert.Throws<Tfwheel.Errors.StepFailedException>(report.EnsureOk);
        Assert.Equal(Tfwheel.Errors.ExitCodes.Verify, e.ExitCode);
        Assert.Contains("2 error(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_file_is_written_whole_through_a_rename()
    {
        var report = await MixedWheelReport();
        var path = dir.Combine("artifacts", "macos-arm64", "verify-cp312.json");
        VerifyReportWriter.WriteJsonFile(report, path);

        Assert.Equal(VerifyReportWriter.ToJson(report), await File.ReadAllTextAsync(path));
        Assert.Equal(["verify-cp312.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    private async Task<VerifyReport> MixedWheelReport()
    {
        var path = new TestWheel("t-1.0-cp312-cp312-macosx_11_0_arm64.whl")
            .WithFixture("t/fsevents.so", NpmFixtures.Fsevents)
            .WithFixture("t/x64.so", NpmFixtures.RollupDarwinX64)
            .Write(Directory.CreateDirectory(dir.Combine(Guid.NewGuid().ToString("N"))).FullName);
        return await WheelVerifier.VerifyAsync(path, VerifyRequirements.FromWheelFileName(path), CancellationToken.None);
    }
}
