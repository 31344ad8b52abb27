using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

/// <summary>Issue 13: each wheel answers for itself (its own reports, its manifest entry), and a folder with two wheels for one Python is refused.</summary>
public sealed class PublishMatrixGateTests
{
    private static readonly string[] Three = ["3.10", "3.11", "3.12"];

    [Fact]
    public async Task One_wheel_whose_smoke_test_failed_stops_the_release_and_is_the_one_named()
    {
        await using var s = await PublishScenario.StartAsync(pythons: Three);
        s.WriteReport("smoke-cp311.json", false, s.ShaOf("cp311"), PublishScenario.WheelFor("cp311"), "1 of 3 workloads failed");

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains("1 of 3 wheels are not verified and smoke-tested for their own sha256:", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{PublishScenario.WheelFor("cp311")} (sha256 {s.ShaOf("cp311")}) is not verified and smoke-tested (verify: ok, smoke: failed, 1 of 3 workloads failed)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishScenario.WheelFor("cp310"), e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishScenario.WheelFor("cp312"), e.Message, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Writes);

        await s.Publisher.PublishAsync(s.Request() with { AllowUnverified = true }, CancellationToken.None);

        Assert.Contains($"> Published with --allow-unverified:\n> - 3.11 `{PublishScenario.WheelFor("cp311")}`: verification passed, smoke test FAILED.\n\n", s.Release.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("> - 3.10", s.Release.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_failing_wheel_is_listed_in_one_refusal()
    {
        await using var s = await PublishScenario.StartAsync(pythons: Three);
        s.WriteReports(false, tag: "cp310");
        File.Delete(Path.Combine(s.Artifacts, "verify-cp312.json"));

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Contains("2 of 3 wheels are not verified", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{PublishScenario.WheelFor("cp310")} (sha256 {s.ShaOf("cp310")}) is not verified and smoke-tested (verify: failed, 12 binaries: arm64, macOS >= 12.0, smoke: failed, 1 of 3 workloads failed)", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{PublishScenario.WheelFor("cp312")} (sha256 {s.ShaOf("cp312")}) is not verified and smoke-tested (verify: missing, smoke: ok)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_of_cp311_copied_as_cp312s_judged_another_wheel()
    {
        await using var s = await PublishScenario.StartAsync(pythons: ["3.11", "3.12"]);
        File.Copy(Path.Combine(s.Artifacts, "verify-cp311.json"), Path.Combine(s.Artifacts, "verify-cp312.json"), overwrite: true);
        File.Copy(Path.Combine(s.Artifacts, "smoke-cp311.json"), Path.Combine(s.Artifacts, "smoke-cp312.json"), overwrite: true);

        var plan = await s.Publisher.PlanAsync(s.Request(), CancellationToken.None);

        var problem = Assert.Single(plan.Problems);
        Assert.Contains($"{PublishScenario.WheelName} (sha256 {s.WheelSha256}) is not verified and smoke-tested (verify: for another wheel, smoke: for another wheel).", problem, StringComparison.Ordinal);
        Assert.Contains($"verify-cp312.json judged sha256 {s.ShaOf("cp311")}, not this one.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishScenario.WheelFor("cp311"), problem, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Writes);
    }

    [Fact]
    public async Task Two_wheels_for_one_Python_are_refused_naming_both_before_anything_is_written()
    {
        await using var s = await PublishScenario.StartAsync(pythons: ["3.11", "3.12"]);
        const string stale = "tensorflow-2.17.0+tfwheel-cp312-cp312-macosx_12_0_arm64.whl";
        File.WriteAllText(Path.Combine(s.Artifacts, stale), "left by an earlier build");

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"2 wheels for cp312 in {s.Artifacts} ({stale}, {PublishScenario.WheelName}): one is stale or foreign", e.Message, StringComparison.Ordinal);
        Assert.Contains("Rerun Compile (it leaves exactly one wheel per Python)", e.Message, StringComparison.Ordinal);
        Assert.Equal(10, e.ExitCode);
        Assert.Empty(s.GitHub.Writes);
    }

    [Fact]
    public async Task A_folder_of_more_wheels_than_a_release_can_hold_is_refused_before_hashing()
    {
        await using var s = await PublishScenario.StartAsync();
        for (var i = 0; i < ArtifactSet.MaxWheels; i++)
        {
            File.WriteAllText(Path.Combine(s.Artifacts, $"tensorflow-2.18.0-cp3{i}-cp3{i}-any.whl"), "");
        }

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"{ArtifactSet.MaxWheels + 1} wheels in {s.Artifacts}; a release holds at most 1000 assets", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(s.Artifacts, ArtifactSet.ChecksumsName)));
    }

    [Fact]
    public async Task A_wheel_the_manifest_does_not_list_is_not_from_the_last_compile_and_is_refused()
    {
        await using var s = await PublishScenario.StartAsync(pythons: ["3.11", "3.12"]);
        File.WriteAllText(Path.Combine(s.Artifacts, ArtifactSet.ManifestName), $$"""{"schema":2,"wheels":[{"name":"{{PublishScenario.WheelName}}","sha256":"{{s.WheelSha256}}"}]}""");

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PreflightAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"{PublishScenario.WheelFor("cp311")} is not among the wheels manifest.json lists ({PublishScenario.WheelName}): it is not from the last Compile run", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_plan_shows_each_wheels_upload_then_the_checksums_and_each_wheels_reports()
    {
        await using var s = await PublishScenario.StartAsync(pythons: ["3.11", "3.12"]);

        var plan = await s.Publisher.PlanAsync(s.Request(), CancellationToken.None);

        Assert.Empty(plan.Problems);
        Assert.Equal(
            [
                $"POST repos/acme/tf-wheels/releases: create draft release {PublishScenario.Tag}",
                .. s.AssetNames.Select(n => $"POST upload {n} ({new FileInfo(Path.Combine(s.Artifacts, n)).Length:N0} bytes)"),
                "PATCH repos/acme/tf-wheels/releases/{new}: publish (draft=false) after re-listing shows every asset complete",
            ],
            plan.Calls);
        Assert.StartsWith(PublishScenario.WheelFor("cp311"), plan.Calls[1].Replace("POST upload ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(["verify-cp311.json", "smoke-cp311.json", "verify-cp312.json", "smoke-cp312.json"], s.AssetNames.Skip(4));
    }
}
