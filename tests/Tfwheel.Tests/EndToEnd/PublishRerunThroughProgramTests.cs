using Tfwheel.Errors;
using Tfwheel.Tests.Publish;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// A CI job retried after a successful Publish (issue 14): the wheel is the release's identity. The reports
/// (manifest.json, verify-cp312.json, smoke-cp312.json) are rewritten by every run with new times and paths, as the whole
/// chain rewrites them; they must never make a retry write or fail. Reports bind to the wheel they judged by its
/// SHA-256: green reports about another wheel do not let an unverified wheel through.
/// </summary>
public sealed class PublishRerunThroughProgramTests : IAsyncLifetime
{
    private PublishProject _p = null!;

    private PublishScenario S => _p.Scenario;

    public async Task InitializeAsync() => _p = await PublishProject.CreateAsync();

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task A_rerun_whose_reports_changed_but_whose_wheel_did_not_makes_zero_writes_and_says_so()
    {
        Assert.Equal(0, (await _p.PublishAsync(_p.WithToken)).ExitCode);
        var writes = S.GitHub.Writes;
        var sums = File.ReadAllText(Path.Combine(S.Artifacts, "SHA256SUMS"));
        var body = S.Release.Body;
        // What a second run of the whole chain leaves: a new build time and durations, new timings and venv path.
        File.WriteAllText(Path.Combine(S.Artifacts, "manifest.json"), """
            {"recipe":{"name":"macos-arm64"},"tensorflow":{"version":"2.18.0","commit":"6550e4bd80223cdb8be6c3afd1f81e86a4d433c3"},
             "durationsSeconds":{"compile":812.5},"builtAt":"2031-01-02T03:04:05Z"}
            """);
        File.WriteAllText(Path.Combine(S.Artifacts, "smoke-cp312.json"), $$"""
            {"ok":true,"wheel":{"sha256":"{{S.WheelSha256}}"},"summary":"3 of 3 workloads passed","durationSeconds":41.2,
             "workloads":[{"argv":["/tmp/tfwheel-smoke-Zq81/bin/python","add.py"]}]}
            """);

        var rerun = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(rerun);
        Assert.True(rerun.ExitCode == 0, output);
        Assert.Equal(writes, S.GitHub.Writes);
        Assert.Contains($"{PublishScenario.Tag} already has {PublishScenario.WheelName} (sha256 {S.WheelSha256})", output);
        Assert.Contains("smoke-cp312.json: Skip (kept: the release has this same wheel", output);
        Assert.Contains(", 0 writes)", output);
        Assert.Equal(sums, File.ReadAllText(Path.Combine(S.Artifacts, "SHA256SUMS")));
        Assert.Equal($"{S.WheelSha256}  {PublishScenario.WheelName}\n", sums);
        Assert.Equal(body, S.Release.Body);
        Assert.Empty(S.GitHub.Violations);
    }

    [Fact]
    public async Task A_rerun_after_a_crash_uploads_only_the_missing_reports()
    {
        Assert.Equal(0, (await _p.PublishAsync(_p.WithToken)).ExitCode);
        var smoke = S.Release.Assets.Single(a => a.Name == "smoke-cp312.json");
        S.Release.Assets.Remove(smoke); // as if the first run died before this upload
        File.WriteAllText(Path.Combine(S.Artifacts, "verify-cp312.json"), $$$"""{"ok":true,"wheel":{"sha256":"{{{S.WheelSha256}}}"},"summary":"re-verified"}""");
        var before = S.GitHub.Writes.Count;

        var rerun = await _p.PublishAsync(_p.WithToken);

        Assert.True(rerun.ExitCode == 0, TfwheelProcess.Output(rerun));
        var writes = S.GitHub.Writes.Skip(before).ToList();
        Assert.Single(writes);
        Assert.EndsWith("name=smoke-cp312.json", writes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wheel_never_verified_is_refused_although_the_reports_from_an_earlier_green_run_say_ok()
    {
        // The earlier run verified and smoke-tested wheel A; then Compile alone rebuilt the wheel (B) and its manifest (WriteWheel).
        var verifiedSha = S.WheelSha256;
        S.WriteWheel("a wheel that Verify and Smoke never saw"u8.ToArray());
        var unverifiedSha = S.WheelSha256;

        var refused = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(refused);
        Assert.True(refused.ExitCode == ExitCodes.Publish, output);
        Assert.Contains($"(sha256 {unverifiedSha}) is not verified and smoke-tested (verify: for another wheel, smoke: for another wheel)", output);
        Assert.Contains($"verify-cp312.json judged sha256 {verifiedSha}, not this one", output);
        Assert.Empty(S.GitHub.Writes);

        var allowed = await _p.PublishAsync(_p.WithToken, "--allow-unverified");

        Assert.True(allowed.ExitCode == 0, TfwheelProcess.Output(allowed));
        Assert.Contains("verification not run on this wheel, smoke test not run on this wheel", S.Release.Body);
        Assert.DoesNotContain("passed", S.Release.Body);
    }

    [Fact]
    public async Task Reports_that_name_no_wheel_do_not_count_as_verifying_this_one()
    {
        File.WriteAllText(Path.Combine(S.Artifacts, "verify-cp312.json"), """{"ok":true,"summary":"written by an older tfwheel"}""");

        var refused = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(refused);
        Assert.True(refused.ExitCode == ExitCodes.Publish, output);
        Assert.Contains("verify-cp312.json judged a wheel it does not name (no wheel.sha256)", output);
        Assert.Empty(S.GitHub.Writes);
    }

    [Fact]
    public async Task The_notes_name_the_tensorflow_version_from_the_manifest_and_list_the_wheels_sha256()
    {
        var result = await _p.PublishAsync(_p.WithToken);

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.StartsWith("TensorFlow 2.18.0 wheel built from source by tfwheel", S.Release.Body, StringComparison.Ordinal);
        Assert.Contains($"{S.WheelSha256}  {PublishScenario.WheelName}\n```", S.Release.Body);
        Assert.Contains($"| 3.12 | `{PublishScenario.WheelName}` | `{S.WheelSha256}` | passed — 12 binaries: arm64, macOS >= 12.0 | passed — 3 of 3 workloads passed |\n", S.Release.Body);
    }
}
