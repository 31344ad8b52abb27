using Tfwheel.Publish;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Publish;

public sealed class ReleaseNotesTests
{
    private const string Cp311 = "tf-2.18.0-cp311-cp311-macosx_12_0_arm64.whl";
    private const string Cp312 = "tf-2.18.0-cp312-cp312-macosx_12_0_arm64.whl";

    private static readonly IReadOnlyList<LocalAsset> Assets =
    [
        new(Cp311, "/a/" + Cp311, 3, "aaaa", "application/zip"),
        new(Cp312, "/a/" + Cp312, 4, "bbbb", "application/zip"),
        new("SHA256SUMS", "/a/SHA256SUMS", 2, "ssss", "text/plain"),
        new("manifest.json", "/a/manifest.json", 1, "mmmm", "application/json"),
    ];

    [Fact]
    public void Notes_show_the_build_a_row_per_wheel_the_SHA256SUMS_lines_and_each_bazel_command()
    {
        var provenance = new BuildProvenance
        {
            Recipe = "macos-arm64",
            TensorflowVersion = "2.18.0",
            TensorflowCommit = "6550e4b",
            Wheels =
            [
                Green(Cp311, "cp311", "aaaa") with { Python = "3.11", BazelArgv = ["bazel", "build", "--repo_env=HERMETIC_PYTHON_VERSION=3.11"] },
                Green(Cp312, "cp312", "bbbb") with { Python = "3.12", BazelArgv = ["bazel", "build", "--repo_env=HERMETIC_PYTHON_VERSION=3.12"] },
            ],
        };

        Assert.Equal("""
            TensorFlow 2.18.0 wheels built from source by tfwheel (`tf-2.18.0`).

            | | |
            |---|---|
            | Recipe | macos-arm64 |
            | TensorFlow | 2.18.0 |
            | Commit | 6550e4b |

            | Python | Wheel | SHA-256 | Verify | Smoke |
            |---|---|---|---|---|
            | 3.11 | `tf-2.18.0-cp311-cp311-macosx_12_0_arm64.whl` | `aaaa` | passed — 12 binaries \| arm64 | passed — 3 of 3 passed |
            | 3.12 | `tf-2.18.0-cp312-cp312-macosx_12_0_arm64.whl` | `bbbb` | passed — 12 binaries \| arm64 | passed — 3 of 3 passed |

            SHA-256 (as in SHA256SUMS):

            ```
            aaaa  tf-2.18.0-cp311-cp311-macosx_12_0_arm64.whl
            bbbb  tf-2.18.0-cp312-cp312-macosx_12_0_arm64.whl
            ```

            Bazel (3.11):

            ```
            bazel build --repo_env=HERMETIC_PYTHON_VERSION=3.11
            ```

            Bazel (3.12):

            ```
            bazel build --repo_env=HERMETIC_PYTHON_VERSION=3.12
            ```

            """.Replace("\r\n", "\n", StringComparison.Ordinal), ReleaseNotes.Build("tf-2.18.0", new ArtifactSet(Assets, provenance)));
    }

    [Fact]
    public void Notes_for_an_unverified_wheel_name_it_first_and_tolerate_a_bare_manifest()
    {
        var provenance = new BuildProvenance
        {
            Wheels = [Green(Cp311, "cp311", "aaaa"), new WheelProvenance(Cp312, "cp312") { Verify = new("verify-cp312.json", false, "2 findings", "bbbb") }],
        };

        var notes = ReleaseNotes.Build("t", new ArtifactSet(Assets, provenance));

        Assert.StartsWith($"TensorFlow wheels built from source by tfwheel (`t`).\n\n> [!WARNING]\n> Published with --allow-unverified:\n> - cp312 `{Cp312}`: verification FAILED, smoke test not run.\n\n", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("cp311 `", notes, StringComparison.Ordinal);
        Assert.Contains($"| cp312 | `{Cp312}` | `bbbb` | **failed** — 2 findings | not run |", notes, StringComparison.Ordinal);
        Assert.Contains("| Commit | — |", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Bazel", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Green_reports_about_another_wheel_count_as_not_run_on_this_one()
    {
        var copied = Green(Cp312, "cp312", "aaaa"); // cp311's green reports, copied as cp312's
        var notes = ReleaseNotes.Build("t", new ArtifactSet(Assets, new BuildProvenance { Wheels = [Green(Cp311, "cp311", "aaaa"), copied] }));

        Assert.Contains($"> - cp312 `{Cp312}`: verification not run on this wheel, smoke test not run on this wheel.", notes, StringComparison.Ordinal);
        Assert.Contains($"| cp312 | `{Cp312}` | `bbbb` | **not run on this wheel** | **not run on this wheel** |", notes, StringComparison.Ordinal);
        Assert.Equal(2, notes.Split("12 binaries").Length); // cp311's summary only: a report about another wheel says nothing of this one
    }

    [Fact]
    public void A_body_too_long_for_GitHub_is_cut_after_the_checksums()
    {
        var huge = Green(Cp311, "cp311", "aaaa") with { BazelArgv = [new string('x', 200_000)] };

        var notes = ReleaseNotes.Build("t", new ArtifactSet(Assets, new BuildProvenance { Wheels = [huge, Green(Cp312, "cp312", "bbbb")] }));

        Assert.Equal(ReleaseNotes.MaxLength - 20 + "\n\n(truncated)\n".Length, notes.Length);
        Assert.Contains($"aaaa  {Cp311}\nbbbb  {Cp312}\n```", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tensorflow_version_falls_back_to_the_recipe_section_of_an_older_manifest()
    {
        using var dir = new TempDirectory("tfwheel-prov-");
        File.WriteAllText(dir.Combine("manifest.json"), """{"recipe":{"name":"r","tensorflow":{"version":"2.20.0"}},"tensorflow":{"commit":"c"}}""");

        Assert.Equal("2.20.0", BuildProvenance.Read(dir.Path, [Cp312]).TensorflowVersion);
    }

    [Fact]
    public void Provenance_is_read_tolerantly_per_wheel_from_its_own_reports()
    {
        using var dir = new TempDirectory("tfwheel-prov-");
        File.WriteAllText(dir.Combine("manifest.json"), $$$"""
            {"schema":2,"recipe":"linux-x86_64","tensorflow":{"version":"2.16.1"},
             "wheels":[{"name":"{{{Cp311}}}","sha256":"aaaa","python":"3.11","bazel":{"argv":"not a list"}},{"name":7},"odd",{"name":"gone.whl","sha256":"ffff"}]}
            """);
        File.WriteAllText(dir.Combine("verify-cp311.json"), """{"ok":true,"findings":[]}""");
        File.WriteAllText(dir.Combine("smoke-cp311.json"), "not json");
        File.WriteAllText(dir.Combine("verify-cp312.json"), """{"ok":false,"wheel":{"sha256":"BBBB"},"summary":["odd"]}""");
        File.WriteAllText(dir.Combine("smoke.json"), """{"ok":true,"wheel":{"sha256":"bbbb"}}"""); // the old single-wheel name: never read

        var p = BuildProvenance.Read(dir.Path, [Cp311, Cp312]);

        Assert.Equal(("linux-x86_64", "2.16.1", (string?)null), (p.Recipe, p.TensorflowVersion, p.TensorflowCommit));
        Assert.Equal([Cp311, "gone.whl"], p.ManifestWheels!);
        var (a, b) = (p.For(Cp311), p.For(Cp312));
        Assert.Equal(("3.11", "aaaa", 0), (a.Python, a.RecordedSha256, a.BazelArgv.Count));
        Assert.Equal((ReportVerdict.OtherWheel, ReportVerdict.Missing), (a.Verify.Verdict("aaaa"), a.Smoke.Verdict("aaaa")));
        Assert.Equal(((string?)null, (string?)null), (b.Python, b.RecordedSha256));
        Assert.Equal((ReportVerdict.Failed, (string?)null), (b.Verify.Verdict("bbbb"), b.Verify.Summary));
        Assert.Equal(ReportVerdict.Missing, b.Smoke.Verdict("bbbb"));
        Assert.False(a.IsVerifiedFor("aaaa") || b.IsVerifiedFor("bbbb"));
    }

    [Fact]
    public void A_schema_1_manifest_vouches_for_a_lone_wheel_only()
    {
        using var dir = new TempDirectory("tfwheel-prov-");
        File.WriteAllText(dir.Combine("manifest.json"), """{"wheel":{"sha256":"aaaa"},"bazel":{"argv":["bazel","build"]}}""");

        var lone = BuildProvenance.Read(dir.Path, [Cp311]);
        var two = BuildProvenance.Read(dir.Path, [Cp311, Cp312]);

        Assert.Null(lone.ManifestWheels);
        Assert.Equal(("aaaa", 2), (lone.For(Cp311).RecordedSha256, lone.For(Cp311).BazelArgv.Count));
        Assert.All(two.Wheels, w => Assert.Null(w.RecordedSha256));
    }

    private static WheelProvenance Green(string name, string tag, string sha) => new(name, tag)
    {
        Verify = new($"verify-{tag}.json", true, "12 binaries | arm64", sha),
        Smoke = new($"smoke-{tag}.json", true, "3 of 3 passed", sha),
    };
}
