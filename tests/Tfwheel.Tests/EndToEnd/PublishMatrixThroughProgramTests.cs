using System.Security.Cryptography;
using Tfwheel.Errors;
using Tfwheel.Tests.Publish;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// Issue 13 through the real program: artifacts/&lt;recipe&gt;/ with a wheel per Python goes to one release with
/// one SHA256SUMS; a retried job writes nothing; a failing wheel is named with exit code 10.
/// </summary>
public sealed class PublishMatrixThroughProgramTests : IAsyncLifetime
{
    private PublishProject _p = null!;

    private PublishScenario S => _p.Scenario;

    public async Task InitializeAsync() => _p = await PublishProject.CreateAsync("3.11", "3.12", "3.13");

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task Every_wheel_goes_to_one_release_with_one_SHA256SUMS_and_a_retry_makes_no_writes()
    {
        var first = await _p.PublishAsync(_p.WithToken);

        Assert.True(first.ExitCode == 0, TfwheelProcess.Output(first));
        var release = Assert.Single(S.GitHub.Releases);
        Assert.Equal(S.AssetNames, release.Assets.Select(a => a.Name));
        var sums = File.ReadAllText(Path.Combine(S.Artifacts, "SHA256SUMS"));
        Assert.Equal(string.Concat(S.Tags.Select(t => $"{S.ShaOf(t)}  {PublishScenario.WheelFor(t)}\n")), sums);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(S.Artifacts, "SHA256SUMS")))), release.Assets.Single(a => a.Name == "SHA256SUMS").Sha256);
        var writes = S.GitHub.Writes;
        // A retried job runs Smoke again: same wheel, a report with other timings.
        S.WriteReport("smoke-cp313.json", true, S.ShaOf("cp313"), PublishScenario.WheelFor("cp313"), "3 of 3 workloads passed in 41.2 s");

        var retry = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(retry);
        Assert.True(retry.ExitCode == 0, output);
        Assert.Equal(writes, S.GitHub.Writes);
        Assert.Contains(", 0 writes)", output);
        Assert.Contains("smoke-cp313.json: Skip (kept: the release has these same 3 wheels", output);
        Assert.Empty(S.GitHub.Violations);
    }

    [Fact]
    public async Task A_wheel_whose_smoke_test_failed_is_named_and_nothing_is_published()
    {
        S.WriteReport("smoke-cp313.json", false, S.ShaOf("cp313"), PublishScenario.WheelFor("cp313"), "1 of 3 workloads failed");

        var refused = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(refused);
        Assert.True(refused.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("1 of 3 wheels are not verified and smoke-tested for their own sha256:", output);
        Assert.Contains($"{PublishScenario.WheelFor("cp313")} (sha256 {S.ShaOf("cp313")}) is not verified and smoke-tested (verify: ok, smoke: failed, 1 of 3 workloads failed)", output);
        Assert.Empty(S.GitHub.Writes);
    }
}
