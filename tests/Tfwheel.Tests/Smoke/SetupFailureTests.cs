using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

public sealed class SetupFailureTests : IDisposable
{
    private readonly TempDirectory _root = new("tfwheel-smoke-test-");
    private readonly TestLog _log = new();

    [Fact]
    public async Task A_wheel_pip_cannot_install_fails_the_step_with_pips_words_and_the_smoke_exit_code()
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _root.Combine("dist"), TestWheel.HostPlatformTag(), requires: "tfwheel-unpublished-dependency");
        var request = new SmokeRequest(wheel, SmokeTestPaths.Python, ["add"], _root.Combine("artifacts"))
        {
            PipArgs = ["--no-index"],
            SystemSitePackages = true,
        };

        var error = await Assert.ThrowsAsync<StepFailedException>(() => Runner().RunAsync(request));

        Assert.Equal(ExitCodes.Smoke, error.ExitCode);
        Assert.StartsWith("smoke: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(" -m pip install --disable-pip-version-check --no-input --no-index ", error.Message, StringComparison.Ordinal);
        Assert.Contains("tfwheel-unpublished-dependency", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check smoke.pip-args: an offline machine needs --no-index --find-links DIR holding the wheel's dependencies", error.Message, StringComparison.Ordinal);
        var venv = _log.Lines.Select(l => l.Text).Single(t => t.StartsWith("+ ", StringComparison.Ordinal) && t.Contains(" -m venv ", StringComparison.Ordinal)).Split(' ')[^1];
        Assert.False(Directory.Exists(venv), $"the venv {venv} was left behind");
    }

    [Fact]
    public async Task A_python_that_does_not_exist_is_a_host_error()
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _root.Combine("dist"), TestWheel.HostPlatformTag());
        var request = new SmokeRequest(wheel, "/nonexistent/python3.99", ["add"], _root.Combine("artifacts"));

        var error = await Assert.ThrowsAsync<HostException>(() => Runner().RunAsync(request));

        Assert.StartsWith("python3.99 could not be started: '/nonexistent/python3.99' was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_wheel_is_a_usage_error()
    {
        var request = new SmokeRequest(_root.Combine("none.whl"), SmokeTestPaths.Python, [], _root.Path);
        var error = await Assert.ThrowsAsync<UsageException>(() => Runner().RunAsync(request));
        Assert.Equal($"smoke: the wheel {request.Wheel} does not exist. Build it first (--target=Compile) or pass --wheel=PATH", error.Message);
    }

    public void Dispose() => _root.Dispose();

    private SmokeRunner Runner() => new(new ProcessGateway(_log), _log, HostPlatform.Current);
}
