using System.Text.Json;
using System.Xml.Linq;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;
using SmokeTestPaths = Tfwheel.Tests.Smoke.SmokeTestPaths;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The Smoke target alone (--exclusive) through the real program: the tensorflow test double's wheel is
/// installed by real pip into a real venv and the shipped workloads run against it.
/// </summary>
public sealed class SmokeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-e2e-smoke-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Smoke_of_the_test_double_wheel_passes_and_writes_smoke_json_and_junit_xml_to_the_artifacts_dir()
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _dir.Combine("dist"), TestWheel.HostPlatformTag());
        var artifacts = _dir.Combine("out");

        var result = await RunSmokeAsync(wheel, artifacts);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, BuildPaths.SmokeReportName("py3"))));
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean(), output);
        Assert.Equal("passed", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(["add", "matmul"], json.RootElement.GetProperty("workloads").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        var suite = XDocument.Load(Path.Combine(artifacts, BuildPaths.SmokeJUnitName("py3"))).Root!.Element("testsuite")!;
        Assert.Equal(["2", "0", "0", "0"], new[] { "tests", "failures", "errors", "skipped" }.Select(a => suite.Attribute(a)!.Value));
        // --exclusive: Smoke alone, so the wheel was neither built nor verified here.
        Assert.False(File.Exists(Path.Combine(artifacts, BuildPaths.VerifyReportName("py3"))));
        Assert.Contains("smoke: 2 passed", output);
    }

    [Fact]
    public async Task A_wheel_for_an_architecture_this_host_cannot_run_is_verified_then_reported_skipped_and_not_passed()
    {
        var arch = TestWheel.ForeignArch;
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _dir.Combine("dist"), TestWheel.HostPlatformTag(arch));
        var artifacts = _dir.Combine("out");

        // Not exclusive: Smoke's dependencies run, but with --wheel only Verify has work to do.
        var result = await RunSmokeAsync(wheel, artifacts, exclusive: false);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("Verdict: OK", result.StandardOutput);
        Assert.True(File.Exists(Path.Combine(artifacts, BuildPaths.VerifyReportName("py3"))));
        Assert.DoesNotContain("+ git", output, StringComparison.Ordinal);
        Assert.DoesNotContain("+ bazel", output, StringComparison.Ordinal);
        Assert.Contains($"the wheel is for {arch} and this {HostPlatform.Current.Arch} host cannot run it natively", output);
        Assert.DoesNotContain("passed", output, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, BuildPaths.SmokeReportName("py3"))));
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("skipped", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task With_format_json_stdout_is_the_smoke_report_alone()
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _dir.Combine("dist"), TestWheel.HostPlatformTag());

        var result = await RunSmokeAsync(wheel, _dir.Combine("out"), extra: "--format=json");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
    }

    private Task<ProcessResult> RunSmokeAsync(string wheel, string artifacts, bool exclusive = true, string? extra = null) =>
        // TensorFlow's stand-in needs numpy and this machine has no package index: the venv sees the
        // system's numpy (Debian's python3-numpy) through --system-site-packages.
        TfwheelProcess.RunAsync(
            ProjectFiles.Root,
            [
                "--target=Smoke", .. exclusive ? new[] { "--exclusive" } : [], $"--wheel={wheel}", $"--python={SmokeTestPaths.Python}",
                "--workloads=add,matmul", "--recipe=linux-x86_64", $"--artifacts-dir={artifacts}", "--system-site-packages",
                .. extra is null ? Array.Empty<string>() : [extra],
            ]);
}
