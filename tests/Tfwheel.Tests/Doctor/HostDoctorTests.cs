using Tfwheel.Doctor;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Doctor;

public class HostDoctorTests
{
    private static readonly DoctorRequirements MacRecipe = new()
    {
        TargetOs = TargetOs.Macos,
        TargetArch = "arm64",
        BazelVersion = "7.4.1",
        PythonVersions = ["3.12"],
    };

    private static DoctorCheck Check(DoctorReport report, string name) => Assert.Single(report.Checks, c => c.Name == name);

    [Fact]
    public async Task A_healthy_apple_silicon_mac_is_ready()
    {
        var report = await HostDoctor.ExamineAsync(new FakeHostProbe(), MacRecipe, default);

        Assert.True(report.Ready, DoctorReportWriter.ToText(report));
        Assert.All(report.Checks, c => Assert.Equal(DoctorStatus.Ok, c.Status));
    }

    [Fact]
    public async Task An_x86_64_python_on_an_apple_silicon_mac_blocks_and_names_the_illegal_instruction_cause()
    {
        var probe = new FakeHostProbe
        {
            Pythons = new() { ["python3"] = FakeHostProbe.Python("/usr/local/bin/python3", "x86_64") },
        };

        var report = await HostDoctor.ExamineAsync(probe, MacRecipe, default);

        var python = Check(report, "python");
        Assert.Equal(DoctorStatus.Blocking, python.Status);
        Assert.Contains("Rosetta", python.Found);
        Assert.Contains("Illegal instruction", python.Remedy);
        Assert.Contains("arm64 Python", python.Remedy);
        Assert.False(report.Ready);
    }

    [Fact]
    public async Task Tfwheel_itself_under_rosetta_blocks()
    {
        var report = await HostDoctor.ExamineAsync(new FakeHostProbe { Translated = true, Platform = new("macos", "x86_64") }, MacRecipe, default);

        Assert.Equal(DoctorStatus.Blocking, Check(report, "rosetta").Status);
    }

    [Fact]
    public async Task Missing_xcode_command_line_tools_block_with_the_install_command()
    {
        var report = await HostDoctor.ExamineAsync(new FakeHostProbe { Xcode = null }, MacRecipe, default);

        Assert.Equal("run: xcode-select --install", Check(report, "xcode").Remedy);
    }

    [Fact]
    public async Task A_macos_recipe_on_linux_blocks_and_says_where_it_can_run()
    {
        var probe = new FakeHostProbe { Platform = new("linux", "x86_64"), OsDescription = "Debian 12" };

        var report = await HostDoctor.ExamineAsync(probe, MacRecipe, default);

        var os = Check(report, "os");
        Assert.Equal(DoctorStatus.Blocking, os.Status);
        Assert.Contains("Apple-silicon Mac", os.Remedy);
        Assert.DoesNotContain(report.Checks, c => c.Name is "xcode" or "rosetta");
    }

    [Theory]
    [InlineData("bazel 7.4.1", "7.4.1", DoctorStatus.Ok)]
    [InlineData("bazel 7.4.1", "7", DoctorStatus.Ok)]
    [InlineData("bazel 6.5.0", "7.4.1", DoctorStatus.Blocking)]
    [InlineData("Bazelisk version: v1.25.0\nBuild label: 7.4.1\n", "7.4.1", DoctorStatus.Ok)]
    [InlineData("bazel no_version", "4", DoctorStatus.Warning)]
    public void Bazel_versions_are_compared_as_bazelversion_means_them(string printed, string wanted, DoctorStatus expected)
    {
        Assert.Equal(expected, HostDoctor.BazelCheck(new DoctorRequirements { BazelVersion = wanted }, printed).Status);
    }

    [Fact]
    public void Missing_bazel_blocks_with_an_install_hint()
    {
        var check = HostDoctor.BazelCheck(new DoctorRequirements(), null);

        Assert.Equal(DoctorStatus.Blocking, check.Status);
        Assert.Contains("bazelisk", check.Remedy);
    }

    [Fact]
    public void Little_disk_blocks_and_some_disk_warns()
    {
        Assert.Equal(DoctorStatus.Blocking, HostDoctor.DiskCheck("/w", 10L << 30).Status);
        Assert.Equal(DoctorStatus.Warning, HostDoctor.DiskCheck("/w", 50L << 30).Status);
        Assert.Equal(DoctorStatus.Ok, HostDoctor.DiskCheck("/w", 100L << 30).Status);
    }

    [Fact]
    public void Local_ram_resources_above_the_machines_ram_warns()
    {
        var check = HostDoctor.MemoryCheck(16L << 30, localRamMb: 32768);

        Assert.Equal(DoctorStatus.Warning, check.Status);
        Assert.Contains("--local_ram_resources=32768", check.Found);
    }

    [Fact]
    public async Task The_real_probe_reads_this_machines_python_and_debians_unversioned_bazel()
    {
        var probe = new SystemHostProbe(new ProcessGateway(new TestLog()));

        var python = await probe.PythonAsync("/usr/bin/python3", default);
        var bazel = await probe.ToolVersionAsync("bazel-4", default);
        var report = await HostDoctor.ExamineAsync(probe, new DoctorRequirements { BazelExecutable = "bazel-4", Python = "/usr/bin/python3" }, default);

        Assert.NotNull(python);
        Assert.Equal(HostPlatform.Normalize(HostPlatform.Current.Arch), HostPlatform.Normalize(python.Machine));
        Assert.Null(python.Translated);
        Assert.Equal("Linux", python.System);
        Assert.Contains("no_version", bazel);
        Assert.Equal(DoctorStatus.Warning, Check(report, "bazel").Status);
        Assert.Equal(DoctorStatus.Ok, Check(report, "python").Status);
        Assert.True(probe.FreeDiskBytes("/definitely/missing/dir") > 0);
    }

    [Fact]
    public async Task The_json_report_has_ok_and_every_check()
    {
        var report = await HostDoctor.ExamineAsync(new FakeHostProbe { Xcode = null }, MacRecipe, default);

        using var doc = System.Text.Json.JsonDocument.Parse(DoctorReportWriter.ToJson(report));

        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        var xcode = doc.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "xcode");
        Assert.Equal("blocking", xcode.GetProperty("status").GetString());
    }
}
