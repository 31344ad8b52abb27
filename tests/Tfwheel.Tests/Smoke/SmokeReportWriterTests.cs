using System.Text.Json;
using Spectre.Console;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

public class SmokeReportWriterTests
{
    private static readonly SmokeReport Report = new(
        "/a/tensorflow-2.18.0-cp312-cp312-macosx_12_0_arm64.whl",
        "python3.12",
        "arm64",
        new HostPlatform("macos", "arm64"),
        [
            new WorkloadResult("add", SmokeOutcome.Passed, TimeSpan.FromSeconds(1.5), "tf.function(x + 2.0)(1.0) == 3.0")
            {
                ResultLine = "{\"workload\": \"add\", \"ok\": true, \"value\": 3.0}",
                ExitCode = 0,
            },
            new WorkloadResult("matmul", SmokeOutcome.Crashed, TimeSpan.FromSeconds(0.5), "crashed with SIGILL (illegal instruction)")
            {
                ExitCode = 132,
                Signal = "SIGILL",
                StandardErrorTail = ["Fatal Python error: Illegal instruction", "bad \u0001 <byte> & \"quote\""],
                Artifacts = ["/a/artifacts/mlir-reproducers/mlir_reproducer_1.mlir"],
            },
        ])
    {
        StartedAt = new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromSeconds(12),
        Environment = new SortedDictionary<string, string> { ["MLIR_CRASH_REPRODUCER_DIRECTORY"] = "/a/artifacts/mlir-reproducers" },
    };

    [Fact]
    public void JUnit_xml_has_one_testcase_per_workload_with_errors_for_crashes()
    {
        Assert.Equal(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites>
              <testsuite name="smoke tensorflow-2.18.0-cp312-cp312-macosx_12_0_arm64.whl" tests="2" failures="0" errors="1" skipped="0" time="12.000" timestamp="2026-11-24T21:00:00">
                <testcase classname="smoke" name="add" time="1.500">
                  <system-out>{"workload": "add", "ok": true, "value": 3.0}</system-out>
                </testcase>
                <testcase classname="smoke" name="matmul" time="0.500">
                  <error message="crashed with SIGILL (illegal instruction)" type="crashed">Fatal Python error: Illegal instruction
            bad ? &lt;byte&gt; &amp; "quote"</error>
                  <system-err>Fatal Python error: Illegal instruction
            bad ? &lt;byte&gt; &amp; "quote"</system-err>
                </testcase>
              </testsuite>
            </testsuites>

            """.ReplaceLineEndings("\n"),
            SmokeJUnit.Render(Report).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Smoke_json_embeds_each_result_line_as_json_and_lists_the_artifacts()
    {
        using var doc = JsonDocument.Parse(SmokeJson.Render(Report));
        var root = doc.RootElement;
        Assert.Equal(("failed", "smoke: 1 passed, 1 crashed of 2 workloads"), (root.GetProperty("verdict").GetString(), root.GetProperty("summary").GetString()));
        Assert.Equal("2026-11-24T21:00:00.0000000+00:00", root.GetProperty("startedAt").GetString());
        Assert.Equal("/a/artifacts/mlir-reproducers", root.GetProperty("environment").GetProperty("MLIR_CRASH_REPRODUCER_DIRECTORY").GetString());
        Assert.Equal(["/a/artifacts/mlir-reproducers/mlir_reproducer_1.mlir"], root.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()));
        var add = root.GetProperty("workloads")[0];
        Assert.Equal(3.0, add.GetProperty("result").GetProperty("value").GetDouble());
        var matmul = root.GetProperty("workloads")[1];
        Assert.Equal(("crashed", "SIGILL", 132), (matmul.GetProperty("outcome").GetString(), matmul.GetProperty("signal").GetString(), matmul.GetProperty("exitCode").GetInt32()));
        Assert.Equal(JsonValueKind.Null, matmul.GetProperty("result").ValueKind);
    }

    [Fact]
    public void Writing_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory("tfwheel-smoke-json-");
        var path = dir.Combine("nested", BuildPaths.SmokeReportName("cp312"));
        SmokeJson.Write(Report with { Workloads = [] }, path);
        SmokeJson.Write(Report, path);
        Assert.Equal(SmokeJson.Render(Report), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void The_console_table_shows_each_workload_and_the_stderr_of_failures()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;

        SmokeTable.Render(Report, console);

        var text = output.ToString();
        Assert.Matches(@"add\s+│ passed\s+│\s+1\.5 s │ tf\.function\(x \+ 2\.0\)\(1\.0\) == 3\.0", text);
        Assert.Matches(@"matmul\s+│ crashed \(SIGILL\)\s+│\s+0\.5 s │ crashed with SIGILL", text);
        Assert.Contains("   | Fatal Python error: Illegal instruction", text, StringComparison.Ordinal);
        Assert.Contains("kept /a/artifacts/mlir-reproducers/mlir_reproducer_1.mlir", text, StringComparison.Ordinal);
        Assert.EndsWith("smoke: 1 passed, 1 crashed of 2 workloads\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
