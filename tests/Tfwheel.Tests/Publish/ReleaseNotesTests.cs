using Tfwheel.Publish;

namespace Tfwheel.Tests.Publish;

public sealed class ReleaseNotesTests
{
    private static readonly IReadOnlyList<LocalAsset> Assets =
    [
        new("tf.whl", "/a/tf.whl", 3, "aaaa", "application/zip"),
        new("SHA256SUMS", "/a/SHA256SUMS", 2, "ssss", "text/plain"),
        new("manifest.json", "/a/manifest.json", 1, "mmmm", "application/json"),
    ];

    [Fact]
    public void Notes_show_the_build_its_results_and_the_wheels_sha256()
    {
        var provenance = new BuildProvenance
        {
            Recipe = "macos-arm64",
            TensorflowVersion = "2.18.0",
            TensorflowCommit = "6550e4b",
            BazelArgv = ["bazel", "build", "--config=macos_arm64"],
            VerifyOk = true,
            VerifySummary = "12 binaries | arm64",
            VerifyWheelSha256 = "aaaa",
            SmokeOk = true,
            SmokeSummary = "3 of 3 passed",
            SmokeWheelSha256 = "aaaa",
        };

        Assert.Equal("""
            TensorFlow 2.18.0 wheel built from source by tfwheel (`tf-2.18.0`).

            | | |
            |---|---|
            | Recipe | macos-arm64 |
            | TensorFlow | 2.18.0 |
            | Commit | 6550e4b |
            | Verify | passed — 12 binaries \| arm64 |
            | Smoke | passed — 3 of 3 passed |

            Bazel:

            ```
            bazel build --config=macos_arm64
            ```

            SHA-256 (as in SHA256SUMS):

            ```
            aaaa  tf.whl
            ```

            """.Replace("\r\n", "\n", StringComparison.Ordinal), ReleaseNotes.Build("tf-2.18.0", new ArtifactSet(Assets, provenance)));
    }

    [Fact]
    public void Notes_for_an_unverified_wheel_say_so_first_and_tolerate_a_bare_manifest()
    {
        var notes = ReleaseNotes.Build("t", new ArtifactSet(Assets, new BuildProvenance { VerifyOk = false, VerifyWheelSha256 = "aaaa" }));

        Assert.StartsWith("TensorFlow wheel built from source by tfwheel (`t`).\n\n> [!WARNING]\n> Published with --allow-unverified: verification FAILED, smoke test not run.\n", notes, StringComparison.Ordinal);
        Assert.Contains("| Commit | — |", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Bazel:", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Green_reports_about_another_wheel_count_as_not_run_on_this_one()
    {
        var provenance = new BuildProvenance { VerifyOk = true, VerifyWheelSha256 = "bbbb", VerifySummary = "12 binaries", SmokeOk = true, SmokeWheelSha256 = "aaaa" };

        var notes = ReleaseNotes.Build("t", new ArtifactSet(Assets, provenance));

        Assert.Contains("> Published with --allow-unverified: verification not run on this wheel, smoke test passed.", notes, StringComparison.Ordinal);
        Assert.Contains("| Verify | **not run on this wheel** |", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("12 binaries", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tensorflow_version_falls_back_to_the_recipe_section_of_an_older_manifest()
    {
        var dir = Directory.CreateTempSubdirectory("tfwheel-prov-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "manifest.json"), """{"recipe":{"name":"r","tensorflow":{"version":"2.20.0"}},"tensorflow":{"commit":"c"}}""");

            Assert.Equal("2.20.0", BuildProvenance.Read(dir).TensorflowVersion);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Provenance_is_read_tolerantly_from_the_artifacts()
    {
        var dir = Directory.CreateTempSubdirectory("tfwheel-prov-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "manifest.json"), """{"recipe":"linux-x86_64","tensorflow":{"version":"2.16.1"},"bazel":{"argv":"not a list"}}""");
            File.WriteAllText(Path.Combine(dir, "verify.json"), """{"ok":true,"findings":[]}""");
            File.WriteAllText(Path.Combine(dir, "smoke.json"), "not json");

            var p = BuildProvenance.Read(dir);

            Assert.Equal(("linux-x86_64", "2.16.1", (string?)null), (p.Recipe, p.TensorflowVersion, p.TensorflowCommit));
            Assert.Empty(p.BazelArgv);
            Assert.Equal((true, (bool?)null), (p.VerifyOk, p.SmokeOk));
            Assert.Equal(ReportVerdict.OtherWheel, p.Verify("aaaa"));
            Assert.Equal(ReportVerdict.Missing, p.Smoke("aaaa"));
            Assert.False(p.IsVerifiedFor("aaaa"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
