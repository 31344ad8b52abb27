using Tfwheel.Doctor;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Recipes.Loading;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Doctor;

/// <summary>Doctor checks the host paths TensorFlow's release configs hard-code, on the OS each config is for.</summary>
public sealed class ReleaseConfigCheckTests
{
    private static readonly FakeHostProbe BareLinux = new()
    {
        Platform = new HostPlatform("linux", "x86_64"),
        OsDescription = "Debian GNU/Linux 12",
        HardwareArm64 = false,
        Translated = null,
        Pythons = new() { ["python3"] = new PythonFacts("/usr/bin/python3", "3.12.4", "Linux", "x86_64", null, null, null, null), ["python3.12"] = new PythonFacts("/usr/bin/python3.12", "3.12.4", "Linux", "x86_64", null, null, null, null) },
    };

    private static Recipe BuiltIn(string name) => RecipeLoader.Load(name, [], Path.Combine(ProjectFiles.Root, "recipes"));

    [Fact]
    public async Task The_linux_x86_64_recipe_on_a_bare_host_is_blocked_by_the_ml_build_container_paths_with_the_reason()
    {
        var report = await HostDoctor.ExamineAsync(BareLinux, DoctorRequirements.From(BuiltIn("linux-x86_64"), "/w", null), default);

        Assert.False(report.Ready);
        var missing = report.Checks.Where(c => c.Name == "config-path" && c.Status == DoctorStatus.Blocking).ToList();
        Assert.Equal(["/usr/lib/llvm-18/bin/clang", "/usr/bin/python3", "/dt9"], missing.Select(c => c.Found.Split(' ')[0]));
        Assert.Contains("TF_SYSROOT=/dt9", missing[2].Found);
        Assert.Contains("ml-build container", missing[2].Remedy);
    }

    [Fact]
    public async Task Inside_the_container_the_paths_are_found_and_a_recipe_overriding_the_sysroot_is_not_held_to_dt9()
    {
        var container = BareLinux with { ExistingPaths = new HashSet<string> { "/dt9", "/usr/lib/llvm-18/bin/clang", "/usr/bin/python3" } };
        var inside = await HostDoctor.ExamineAsync(container, DoctorRequirements.From(BuiltIn("linux-x86_64"), "/w", null), default);
        var own = DoctorRequirements.From(BuiltIn("linux-x86_64"), "/w", null) with { OverriddenEnv = new HashSet<string> { "TF_SYSROOT" } };
        var overridden = await HostDoctor.ExamineAsync(BareLinux, own, default);

        Assert.All(inside.Checks.Where(c => c.Name == "config-path"), c => Assert.Equal(DoctorStatus.Ok, c.Status));
        Assert.DoesNotContain(overridden.Checks, c => c.Found.Contains("/dt9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Release_macos_configs_need_full_xcode_and_command_line_tools_alone_are_blocking()
    {
        var need = DoctorRequirements.From(BuiltIn("macos-arm64"), "/w", null);

        var cltOnly = await HostDoctor.ExamineAsync(new FakeHostProbe(), need, default);
        var xcode = await HostDoctor.ExamineAsync(new FakeHostProbe { ExistingPaths = new HashSet<string> { "/Applications/Xcode.app/Contents/Developer" } }, need, default);

        var blocked = Assert.Single(cltOnly.Checks, c => c.Name == "xcode-app");
        Assert.Equal(DoctorStatus.Blocking, blocked.Status);
        Assert.Contains("Command Line Tools alone do not satisfy it", blocked.Found);
        Assert.Equal(DoctorStatus.Ok, Assert.Single(xcode.Checks, c => c.Name == "xcode-app").Status);
        Assert.True(xcode.Ready, DoctorReportWriter.ToText(xcode));
    }
}
