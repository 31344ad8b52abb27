using System.Security.Cryptography;
using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

/// <summary>Issue 13: a wheel per Python, all on one release with one SHA256SUMS; retries write nothing; the set may grow or shrink.</summary>
public sealed class PublishMatrixTests
{
    private static readonly string[] Three = ["3.10", "3.11", "3.12"];

    [Fact]
    public async Task Three_wheels_go_to_one_release_with_one_SHA256SUMS_that_covers_exactly_them()
    {
        await using var s = await PublishScenario.StartAsync(pythons: Three);

        var result = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        var release = Assert.Single(s.GitHub.Releases);
        Assert.False(release.Draft);
        Assert.Equal(s.AssetNames, release.Assets.Select(a => a.Name));
        Assert.Equal(11, release.Assets.Count);
        var expected = string.Concat(s.Tags.Select(PublishScenario.WheelFor).Order(StringComparer.Ordinal)
            .Select(w => $"{Sha(File.ReadAllBytes(Path.Combine(s.Artifacts, w)))}  {w}\n"));
        var sums = File.ReadAllBytes(Path.Combine(s.Artifacts, ArtifactSet.ChecksumsName));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(sums));
        Assert.Equal(Sha(sums), release.Assets.Single(a => a.Name == ArtifactSet.ChecksumsName).Sha256);
        Assert.All(s.Tags, t => Assert.Equal(s.ShaOf(t), release.Assets.Single(a => a.Name == PublishScenario.WheelFor(t)).Sha256));
        Assert.All(s.Tags, t => Assert.Contains($"`{PublishScenario.WheelFor(t)}` | `{s.ShaOf(t)}` | passed", release.Body, StringComparison.Ordinal));
        Assert.Contains($"```\n{expected}```", release.Body, StringComparison.Ordinal);
        Assert.Equal(11, s.GitHub.Writes.Count(w => w.StartsWith("POST /api/uploads/", StringComparison.Ordinal)));
        Assert.Equal(s.GitHub.Writes.Count, result.Writes);
        Assert.Empty(s.GitHub.Violations);
    }

    [Fact]
    public async Task A_retry_with_the_same_wheels_makes_no_write_although_this_runs_reports_differ()
    {
        await using var s = await PublishScenario.StartAsync(pythons: Three);
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        var (writes, body) = (s.GitHub.Writes, s.Release.Body);
        // What a second run of the whole chain leaves: the same wheels, reports with other timings and summaries.
        foreach (var t in s.Tags)
        {
            s.WriteReport($"smoke-{t}.json", true, s.ShaOf(t), PublishScenario.WheelFor(t), "3 of 3 workloads passed in 41.2 s");
        }

        File.AppendAllText(Path.Combine(s.Artifacts, ArtifactSet.ManifestName), "\n");

        var again = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(writes, s.GitHub.Writes);
        Assert.Equal(0, again.Writes);
        Assert.All(again.Steps, step => Assert.Equal(AssetAction.Skip, step.Action));
        Assert.Contains(again.Steps, step => step.Reason.StartsWith("kept: the release has these same 3 wheels", StringComparison.Ordinal));
        Assert.Equal(body, s.Release.Body);
        Assert.Contains(s.Log.Lines, l => l.Text.StartsWith($"{PublishScenario.Tag} already has {PublishScenario.WheelFor("cp310")} (sha256 {s.ShaOf("cp310")}), ", StringComparison.Ordinal)
            && l.Text.EndsWith("from the run that published them are kept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wheel_for_a_new_Python_is_added_with_a_new_SHA256SUMS_and_nothing_else_about_the_others_changes()
    {
        await using var s = await PublishScenario.StartAsync(pythons: Three);
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        var before = s.Release.Assets.Where(a => !a.Name.Contains("cp313", StringComparison.Ordinal) && a.Name is not (ArtifactSet.ChecksumsName or ArtifactSet.ManifestName))
            .Select(a => (a.Id, a.Name, a.Sha256)).ToList();
        var writes = s.GitHub.Writes.Count;
        s.AddPython("3.13");
        File.AppendAllText(Path.Combine(s.Artifacts, "verify-cp310.json"), "\n"); // this run re-verified cp310: its copy on the release stays

        var result = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        var added = s.GitHub.Writes.Skip(writes).ToList();
        Assert.Equal(
            [
                $"PATCH /api/v3/repos/acme/tf-wheels/releases/{s.Release.Id}",
                "upload " + PublishScenario.WheelFor("cp313"),
                "upload SHA256SUMS.tfwheel-replacing", "DELETE", "PATCH",
                "upload manifest.json.tfwheel-replacing", "DELETE", "PATCH",
                "upload verify-cp313.json", "upload smoke-cp313.json",
            ],
            added.Select(Describe));
        Assert.Equal(before, s.Release.Assets.Where(a => before.Any(b => b.Id == a.Id)).Select(a => (a.Id, a.Name, a.Sha256)));
        Assert.Equal(s.AssetNames.Order(), s.Release.Assets.Select(a => a.Name).Order());
        var sums = File.ReadAllBytes(Path.Combine(s.Artifacts, ArtifactSet.ChecksumsName));
        Assert.Equal(4, System.Text.Encoding.UTF8.GetString(sums).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(Sha(sums), s.Release.Assets.Single(a => a.Name == ArtifactSet.ChecksumsName).Sha256);
        Assert.Contains($"`{PublishScenario.WheelFor("cp313")}` | `{s.ShaOf("cp313")}` | passed", s.Release.Body, StringComparison.Ordinal);
        Assert.Equal(AssetAction.Skip, result.Steps.Single(x => x.Local.Name == "verify-cp310.json").Action);
        Assert.Empty(s.GitHub.Violations);

        var retry = await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);

        Assert.Equal(0, retry.Writes);
    }

    [Fact]
    public async Task A_wheel_on_the_release_that_this_run_did_not_build_is_refused_and_deleted_only_with_replace_assets()
    {
        await using var s = await PublishScenario.StartAsync(pythons: Three);
        await s.Publisher.PublishAsync(s.Request(), CancellationToken.None);
        var cp310 = s.Release.Assets.Single(a => a.Name == PublishScenario.WheelFor("cp310"));
        s.RemovePython("3.10");
        var writes = s.GitHub.Writes.Count;

        var e = await Assert.ThrowsAsync<PublishException>(() => s.Publisher.PublishAsync(s.Request(), CancellationToken.None));

        Assert.Contains($"release {PublishScenario.Tag} holds {cp310.Name} (sha256 {cp310.Sha256}), which this run did not build; the SHA256SUMS it uploads would not cover that wheel", e.Message, StringComparison.Ordinal);
        Assert.Contains("--replace-assets to delete it", e.Message, StringComparison.Ordinal);
        Assert.Equal(writes, s.GitHub.Writes.Count);
        var plan = await s.Publisher.PlanAsync(s.Request() with { ReplaceAssets = true }, CancellationToken.None);
        Assert.Contains($"DELETE repos/acme/tf-wheels/releases/assets/{cp310.Id}: {cp310.Name}, not built by this run (--replace-assets)", plan.Calls);

        var result = await s.Publisher.PublishAsync(s.Request() with { ReplaceAssets = true }, CancellationToken.None);

        Assert.Equal(["verify-cp310.json", "smoke-cp310.json", cp310.Name], result.Removed);
        Assert.Equal(s.AssetNames.Order(), s.Release.Assets.Select(a => a.Name).Order());
        Assert.Equal(Sha(File.ReadAllBytes(Path.Combine(s.Artifacts, ArtifactSet.ChecksumsName))), s.Release.Assets.Single(a => a.Name == ArtifactSet.ChecksumsName).Sha256);
        Assert.DoesNotContain("cp310", s.Release.Body, StringComparison.Ordinal);
        Assert.Equal(0, (await s.Publisher.PublishAsync(s.Request(), CancellationToken.None)).Writes);
    }

    /// <summary>"PATCH …/releases/1" stays whole; uploads become "upload NAME"; other asset writes their method.</summary>
    private static string Describe(string write) =>
        write.Contains("/api/uploads/", StringComparison.Ordinal) ? "upload " + Uri.UnescapeDataString(write[(write.IndexOf("name=", StringComparison.Ordinal) + 5)..])
        : write.Contains("/releases/assets/", StringComparison.Ordinal) ? write.Split(' ')[0]
        : write;

    private static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
