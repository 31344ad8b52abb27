using System.Text.Json.Nodes;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Compile;

public class BazelReadersTests
{
    [Theory]
    [InlineData("[1,234 / 5,678] Compiling tensorflow/core/kernels/conv_ops.cc; 12s darwin-sandbox", 1234, 5678, 21)]
    [InlineData("[0 / 3] [Prepa] BazelWorkspaceStatusAction stable-status.txt", 0, 3, 0)]
    public void Progress_lines_are_parsed_with_grouped_digits(string line, long done, long total, int percent)
    {
        var p = BuildProgress.TryParse(line)!;

        Assert.Equal((done, total, percent), (p.Done, p.Total, p.Percent));
    }

    [Fact]
    public void Other_lines_are_not_progress() => Assert.Null(BuildProgress.TryParse("INFO: Found 1 target..."));

    [Fact]
    public void The_process_summary_counts_remote_cache_hits()
    {
        var s = ProcessSummary.TryParse("INFO: 1,007 processes: 1,004 remote cache hit, 3 internal.")!;

        Assert.Equal(1007, s.Processes);
        Assert.Equal(1004, s.RemoteCacheHits);
        Assert.Equal(3, s.ByKind["internal"]);
    }

    [Theory]
    [InlineData("bazel 6.5.0", "6.5.0")]
    [InlineData("bazel 7.4.1- (@non-git)", "7.4.1")]
    [InlineData("bazel no_version", null)]
    public void Bazel_version_output_is_read_and_unversioned_builds_give_null(string output, string? version) =>
        Assert.Equal(version, BazelVersionCheck.Parse(output));

    [Theory]
    [InlineData("6", "6.5.0", true)]
    [InlineData("6.5.0", "6.5.0", true)]
    [InlineData("6.5.0", "6.1.0", false)]
    [InlineData("7.4.1", "7", false)]
    public void A_wanted_version_matches_by_its_leading_components(string wanted, string actual, bool matches) =>
        Assert.Equal(matches, BazelVersionCheck.Matches(wanted, actual));

    [Theory]
    [InlineData(1, ExitCodes.Build)]
    [InlineData(2, ExitCodes.Usage)]
    [InlineData(8, ExitCodes.Interrupted)]
    [InlineData(36, ExitCodes.Host)]
    [InlineData(37, ExitCodes.Build)]
    public void Bazel_exit_codes_map_to_tfwheel_exit_codes(int bazel, int tfwheel) =>
        Assert.Equal(tfwheel, BazelExitCode.ToTfwheelExitCode(bazel));

    [Fact]
    public void The_wheel_platform_tag_is_the_last_field_with_or_without_a_build_tag()
    {
        Assert.Equal("macosx_12_0_arm64", WheelFileName.Parse("tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl").Platform);
        Assert.Equal("linux_x86_64", WheelFileName.Parse("tensorflow-2.20.0-1-cp312-cp312-linux_x86_64.whl").Platform);
    }

    [Fact]
    public void The_build_event_reader_finds_the_failed_action_and_its_stderr_file()
    {
        using var dir = new TempDirectory();
        var stderr = dir.Combine("stderr");
        File.WriteAllText(stderr, "matmul_op.c:2:2: error: #error broken\n");
        var bep = dir.Combine("events.json");
        File.WriteAllLines(bep,
        [
            """{"id":{"actionCompleted":{"primaryOutput":"x.so","label":"//k:framework"}},"action":{"success":false,"label":"//k:framework","type":"Genrule","exitCode":1,"stderr":{"name":"stderr","uri":"__URI__"}}}""".Replace("__URI__", new Uri(stderr).AbsoluteUri, StringComparison.Ordinal),
            """{"id":{"targetCompleted":{"label":"//p:wheel"}},"completed":{"success":false}}""",
            """{"id":{"buildFinished":{}},"finished":{"overallSuccess":false,"exitCode":{"name":"BUILD_FAILURE","code":1}}}""",
            """{"id":{"progress":{"opaq""", // a truncated last line, as a killed build leaves
        ]);

        var outcome = BuildEventReader.Read(bep);

        Assert.True(outcome.Finished);
        Assert.Equal("BUILD_FAILURE", outcome.ExitCodeName);
        Assert.Equal(["//p:wheel"], outcome.FailedTargets);
        Assert.Equal(new FailedAction("//k:framework", "Genrule", 1, "matmul_op.c:2:2: error: #error broken\n"), outcome.FirstFailedAction);
    }

    [Fact]
    public void Remote_header_values_in_the_build_event_file_are_masked_even_where_bazel_escaped_them_and_the_outcome_still_reads()
    {
        using var dir = new TempDirectory();
        var bep = dir.Combine("events.json");
        string[] untouched =
        [
            """{"id":{"targetCompleted":{"label":"//p:wheel"}},"completed":{"success":false}}""",
            """{"id":{"buildFinished":{}},"finished":{"overallSuccess":false,"exitCode":{"name":"BUILD_FAILURE","code":1}}}""",
        ];
        File.WriteAllLines(bep,
        [
            // As bazel writes its command line into the events: '=' and quotes escaped as \uXXXX.
            """{"id":{"started":{}},"started":{"optionsDescription":"--remote_header\u003d\u0027x-key\u003dk\u003dv-SECRET\u0027"}}""",
            """{"id":{"unstructuredCommandLine":{}},"unstructuredCommandLine":{"args":["build","--client_env\u003dKEY\u003dk\u003dv-SECRET","--remote_header\u003dx-key\u003dk\u003dv-SECRET"]}}""",
            .. untouched,
            """{"id":{"progress":{"opaq""", // a truncated last line, as a killed build leaves
        ]);

        BuildEventRedaction.Redact(bep, ["k=v-SECRET"]);

        var lines = File.ReadAllLines(bep);
        Assert.DoesNotContain("SECRET", string.Join('\n', lines));
        Assert.Equal("--remote_header='x-key=***'", JsonNode.Parse(lines[0])!["started"]!["optionsDescription"]!.GetValue<string>());
        Assert.Equal(["build", "--client_env=KEY=***", "--remote_header=x-key=***"], JsonNode.Parse(lines[1])!["unstructuredCommandLine"]!["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(untouched, lines[2..]); // lines without a secret stay byte for byte; the truncated line is gone
        Assert.Equal(["//p:wheel"], BuildEventReader.Read(bep).FailedTargets);
    }
}
