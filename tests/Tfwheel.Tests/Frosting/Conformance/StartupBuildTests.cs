using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Frosting.Conformance;

/// <summary>Programs/Startup.cs: a build whose services, context and lifetimes come from an IFrostingStartup.</summary>
public sealed class StartupBuildTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-frosting-startup-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Setup_teardown_and_task_hooks_from_the_startup_wrap_an_injected_task_in_the_configured_working_directory()
    {
        Directory.CreateDirectory(_dir.Combine("work"));

        var run = await ConformancePrograms.RunAsync("Startup", _dir.Path, "--name=frosting");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            ["setup Default", "before Greet", "hello frosting", "working work", "colour blue", "after Greet", "before Default", "after Default", "teardown True"],
            run.Trace);
    }

    [Fact]
    public async Task The_working_option_overrides_the_one_in_code()
    {
        Directory.CreateDirectory(_dir.Combine("elsewhere"));

        var run = await ConformancePrograms.RunAsync("Startup", _dir.Path, "--working=elsewhere", "--target=Greet");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("working elsewhere", run.Trace);
        Assert.Contains("hello world", run.Trace);
    }

    [Fact]
    public async Task A_missing_working_directory_fails_before_any_task_and_names_it()
    {
        var run = await ConformancePrograms.RunAsync("Startup", _dir.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Path.Combine(_dir.Path, "work"), run.Output);
        Assert.Empty(run.Trace);
    }
}
