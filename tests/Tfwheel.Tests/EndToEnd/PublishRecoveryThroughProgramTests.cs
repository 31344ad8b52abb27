using System.Security.Cryptography;
using System.Text;
using Tfwheel.Errors;
using Tfwheel.Publish;
using Tfwheel.Tests.Publish;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// Publish through the real program when the release already differs from the artifacts or GitHub fails
/// mid-upload: the program's own pacing and backoff (real time, not the unit tests' manual clock) against the
/// fake GitHub. A class of its own so xunit runs it beside <see cref="PublishThroughProgramTests"/>: most of
/// both classes' time is the one-second pause GitHub asks for between writes.
/// </summary>
public sealed class PublishRecoveryThroughProgramTests : IAsyncLifetime
{
    private PublishProject _p = null!;

    private PublishScenario S => _p.Scenario;

    public async Task InitializeAsync() => _p = await PublishProject.CreateAsync();

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task An_upload_cut_by_a_502_is_cleaned_up_and_retried_leaving_one_complete_copy_of_each_asset()
    {
        S.GitHub.Inject(FakeFault.UploadCut(PublishScenario.WheelName));

        var result = await _p.PublishAsync(_p.WithToken);

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.Equal(0, S.GitHub.PendingFaults);
        Assert.Equal(PublishProject.AssetNames, S.Release.Assets.Select(a => a.Name));
        Assert.All(S.Release.Assets, a => Assert.Equal("uploaded", a.State));
        Assert.Single(S.GitHub.Writes, w => w.StartsWith("DELETE /api/v3/repos/acme/tf-wheels/releases/assets/", StringComparison.Ordinal));
        Assert.False(S.Release.Draft);
        Assert.Empty(S.GitHub.Violations);
    }

    [Fact]
    public async Task A_rebuilt_wheel_is_refused_unless_replace_assets_and_then_the_release_holds_the_new_one()
    {
        Assert.Equal(0, (await _p.PublishAsync(_p.WithToken)).ExitCode);
        var rebuilt = Encoding.UTF8.GetBytes(new string('r', 310_000));
        S.WriteWheel(rebuilt);
        S.WriteReports(true); // as Verify and Smoke leave them for the rebuilt wheel
        var before = S.GitHub.Writes.Count;

        var refused = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(refused);
        Assert.True(refused.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("--replace-assets", output);
        Assert.Equal(before, S.GitHub.Writes.Count);

        var planned = await _p.PublishAsync(_p.WithToken, "--replace-assets", "--dryrun");

        var plan = TfwheelProcess.Output(planned);
        Assert.True(planned.ExitCode == 0, plan);
        Assert.Contains($"dryrun: POST upload {PublishScenario.WheelName}", plan);
        // Compile recorded the rebuilt wheel's SHA-256 in manifest.json, so it is replaced along with the wheel.
        Assert.Contains($"dryrun: POST upload manifest.json{ReleaseReconciler.TemporarySuffix} (", plan);
        Assert.Equal(before, S.GitHub.Writes.Count);

        var replaced = await _p.PublishAsync(_p.WithToken, "--replace-assets");

        Assert.True(replaced.ExitCode == 0, TfwheelProcess.Output(replaced));
        var wheel = Assert.Single(S.Release.Assets, a => a.Name == PublishScenario.WheelName);
        Assert.Equal(rebuilt.Length, wheel.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(rebuilt)), wheel.Sha256);
        Assert.Equal(PublishProject.AssetNames.Order(), S.Release.Assets.Select(a => a.Name).Order());
        Assert.Empty(S.GitHub.Violations);
    }
}
