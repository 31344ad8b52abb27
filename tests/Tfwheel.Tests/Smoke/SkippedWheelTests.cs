using System.Xml.Linq;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

public sealed class SkippedWheelTests : IDisposable
{
    private readonly TempDirectory _root = new("tfwheel-smoke-test-");
    private readonly TestLog _log = new();

    [Fact]
    public async Task A_wheel_for_an_architecture_this_host_cannot_run_is_skipped_never_passed()
    {
        var arch = TestWheel.ForeignArch;
        var report = await RunAsync(TestWheel.HostPlatformTag(arch));

        var reason = $"the wheel is for {arch} and this {HostPlatform.Current.Arch} host cannot run it natively";
        Assert.Equal(WorkloadCatalog.BuiltIn, report.Workloads.Select(w => w.Name));
        Assert.All(report.Workloads, w => Assert.Equal((SmokeOutcome.Skipped, reason), (w.Outcome, w.Note)));
        Assert.Equal(SmokeVerdict.Skipped, report.Verdict);
        Assert.Same(report, report.EnsurePassed("smoke.json"));
        Assert.Contains(_log.Lines, l => l.Text == "smoke: skipped: " + reason);
        Assert.DoesNotContain(_log.Lines, l => l.Text.StartsWith("+ ", StringComparison.Ordinal));
        var suite = XDocument.Parse(SmokeJUnit.Render(report)).Root!.Element("testsuite")!;
        Assert.Equal(["7", "0", "0", "7"], new[] { "tests", "failures", "errors", "skipped" }.Select(a => suite.Attribute(a)!.Value));
    }

    [Fact]
    public async Task A_wheel_for_another_operating_system_is_skipped()
    {
        var host = HostPlatform.Current;
        var (tag, os) = host.Os == "macos" ? ($"manylinux_2_17_{host.Arch}", "linux") : ($"macosx_12_0_{host.Arch}", "macos");
        var report = await RunAsync(tag);

        Assert.All(report.Workloads, w => Assert.Equal((SmokeOutcome.Skipped, $"the wheel is for {os} and this host runs {host.Os}"), (w.Outcome, w.Note)));
    }

    [Fact]
    public async Task The_recipes_target_arch_overrides_the_wheel_file_names_tag()
    {
        var arch = TestWheel.ForeignArch;
        var report = await RunAsync(TestWheel.HostPlatformTag(), arch);

        Assert.Equal(arch, report.WheelArch);
        Assert.All(report.Workloads, w => Assert.Equal(SmokeOutcome.Skipped, w.Outcome));
    }

    public void Dispose() => _root.Dispose();

    private Task<SmokeReport> RunAsync(string platformTag, string? targetArch = null)
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _root.Combine("dist"), platformTag);
        var request = new SmokeRequest(wheel, "/nonexistent/python-never-started", [], _root.Combine("artifacts")) { TargetArch = targetArch };
        return new SmokeRunner(new ProcessGateway(_log), _log, HostPlatform.Current).RunAsync(request);
    }
}
