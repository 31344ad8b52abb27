using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Frosting.Conformance;

/// <summary>Programs/Template.cs, a build in the shape of Cake's Frosting template, run against the host.</summary>
public sealed class TemplateBuildTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-frosting-template-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_default_target_runs_hello_then_world_on_the_template_context()
    {
        var run = await ConformancePrograms.RunAsync("Template", _dir.Path);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["context built", "Hello", "World"], run.Trace);
    }

    [Fact]
    public async Task An_argument_reaches_the_context_and_a_target_runs_only_its_dependencies()
    {
        var run = await ConformancePrograms.RunAsync("Template", _dir.Path, "--target", "Hello", "--greeting=Howdy");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["context built", "Howdy"], run.Trace);
    }

    [Fact]
    public async Task Help_lists_the_targets_without_building_the_context()
    {
        var run = await ConformancePrograms.RunAsync("Template", _dir.Path, "--help");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(run.Trace);
        Assert.Contains("--target", run.StandardOutput);
        Assert.All(new[] { "Default", "Hello", "World" }, t => Assert.Matches($@"(?m)^\s+{t}\b", run.StandardOutput));
    }

    [Fact]
    public async Task Info_and_version_print_and_exit_without_running_a_task()
    {
        var info = await ConformancePrograms.RunAsync("Template", _dir.Path, "--info");
        var version = await ConformancePrograms.RunAsync("Template", _dir.Path, "--version");

        Assert.True(info.ExitCode == 0, info.Output);
        Assert.True(version.ExitCode == 0, version.Output);
        Assert.Empty(info.Trace);
        Assert.Empty(version.Trace);
        Assert.Contains("Version", info.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_target_fails_and_names_it()
    {
        var run = await ConformancePrograms.RunAsync("Template", _dir.Path, "--target=Nope");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Nope", run.Output);
        Assert.DoesNotContain("Hello", run.Trace);
    }
}
