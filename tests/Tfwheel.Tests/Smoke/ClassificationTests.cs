using System.Text.Json;
using System.Xml.Linq;
using Tfwheel.Errors;
using Tfwheel.Smoke;

namespace Tfwheel.Tests.Smoke;

public class ClassificationTests(FailingWorkloadRun run) : IClassFixture<FailingWorkloadRun>
{
    [Fact]
    public void An_illegal_instruction_is_a_crash_by_SIGILL_explained_as_missing_CPU_instructions()
    {
        var result = run["sigill"];
        Assert.Equal((SmokeOutcome.Crashed, "SIGILL"), (result.Outcome, result.Signal));
        Assert.Equal(
            "crashed with SIGILL (illegal instruction: this binary uses instructions this CPU lacks (an x86_64/AVX build under Rosetta, or a build for a newer CPU))",
            result.Note);
    }

    [Fact]
    public void A_null_pointer_read_is_a_crash_by_SIGSEGV_with_the_last_stderr_lines()
    {
        var result = run["sigsegv"];
        Assert.Equal((SmokeOutcome.Crashed, "SIGSEGV"), (result.Outcome, result.Signal));
        Assert.StartsWith("crashed with SIGSEGV (segmentation fault", result.Note, StringComparison.Ordinal);
        Assert.Contains("Fatal Python error: Segmentation fault", result.StandardErrorTail);
        Assert.Contains(result.StandardErrorTail, l => l.Contains("sigsegv.py\", line 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Touching_a_truncated_mapping_is_a_crash_by_SIGBUS()
    {
        var result = run["sigbus"];
        Assert.Equal((SmokeOutcome.Crashed, "SIGBUS"), (result.Outcome, result.Signal));
        Assert.Contains("Fatal Python error: Bus error", result.StandardErrorTail);
    }

    [Fact]
    public void An_abort_after_MLIR_errors_is_a_crash_by_SIGABRT_with_the_LLVM_and_MLIR_lines_picked_out()
    {
        var result = run["mlir-abort"];
        Assert.Equal((SmokeOutcome.Crashed, "SIGABRT"), (result.Outcome, result.Signal));
        Assert.Equal(
            ["loc(\"MatMul\"): error: 'tf.MatMul' op requires the same element type for all operands", "LLVM ERROR: Failed to infer result type(s)."],
            result.MlirLines);
        Assert.EndsWith("; loc(\"MatMul\"): error: 'tf.MatMul' op requires the same element type for all operands", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Reproducers_and_graph_dumps_that_appear_are_listed_with_the_workload_that_left_them()
    {
        var result = run["mlir-abort"];
        Assert.Equal(2, result.Artifacts.Count);
        Assert.Equal(Path.Combine(run.Artifacts, "mlir-dumps", "tf_graph_before_bridge.mlir"), result.Artifacts[0]);
        Assert.Matches(@"/mlir-reproducers/mlir_reproducer_\d+\.mlir$", result.Artifacts[1]);
        Assert.All(result.Artifacts, a => Assert.True(File.Exists(a), a));
        Assert.Equal(result.Artifacts, run.Report.Artifacts);
    }

    [Fact]
    public void A_wrong_number_is_a_wrong_result_carrying_the_workloads_own_message()
    {
        var result = run["wrong-number"];
        Assert.Equal((SmokeOutcome.WrongResult, "1 + 1 gave 3.0, expected 2.0"), (result.Outcome, result.Note));
        Assert.StartsWith("{\"workload\": \"wrong-number\", \"ok\": false", result.ResultLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hang_is_killed_at_the_timeout_together_with_its_child_process()
    {
        var result = run["hang"];
        Assert.Equal(SmokeOutcome.TimedOut, result.Outcome);
        Assert.Equal($"did not finish within {FailingWorkloadRun.Timeout.TotalSeconds:0} s; its whole process tree was killed", result.Note);
        Assert.Null(result.ExitCode);
        var child = int.Parse(result.StandardErrorTail.Single(l => l.StartsWith("child pid ", StringComparison.Ordinal))["child pid ".Length..]);
        Assert.False(IsRunning(child), $"child process {child} outlived the timeout");
    }

    [Fact]
    public void A_missing_module_is_an_import_failure_naming_the_missing_dependency()
    {
        var result = run["missing-module"];
        Assert.Equal(SmokeOutcome.ImportFailed, result.Outcome);
        Assert.StartsWith("missing dependency: No module named 'tfwheel_missing_dependency'. ", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_native_library_for_another_platform_is_an_import_failure_for_the_wrong_architecture()
    {
        var result = run["wrong-arch"];
        Assert.Equal(SmokeOutcome.ImportFailed, result.Outcome);
        Assert.StartsWith("wrong architecture: ", result.Note, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsMacOS() ? "mach-o" : "invalid ELF header", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_exception_is_an_error_naming_the_exception()
    {
        var result = run["raises"];
        Assert.Equal(SmokeOutcome.Errored, result.Outcome);
        Assert.Equal("raised RuntimeError: the graph could not be built: shape mismatch [2,3] vs [4,4]", result.Note);
    }

    [Fact]
    public void Workloads_run_under_the_recipes_MLIR_environment_without_an_inherited_PYTHONPATH()
    {
        var result = run["env-report"];
        Assert.Equal(SmokeOutcome.Passed, result.Outcome);
        using var doc = JsonDocument.Parse(result.ResultLine!);
        var env = doc.RootElement.GetProperty("env");
        Assert.Equal("--tf_mlir_enable_mlir_bridge=true --tf_xla_auto_jit=2", env.GetProperty("TF_XLA_FLAGS").GetString());
        Assert.Equal(Path.Combine(run.Artifacts, "mlir-reproducers"), env.GetProperty("MLIR_CRASH_REPRODUCER_DIRECTORY").GetString());
        Assert.Equal(Path.Combine(run.Artifacts, "mlir-dumps"), env.GetProperty("TF_DUMP_GRAPH_PREFIX").GetString());
        Assert.Equal(JsonValueKind.Null, env.GetProperty("PYTHONPATH").ValueKind);
    }

    [Fact]
    public void Any_failure_fails_the_run_with_the_smoke_exit_code_naming_each_failed_workload()
    {
        Assert.Equal(SmokeVerdict.Failed, run.Report.Verdict);
        var error = Assert.Throws<StepFailedException>(() => run.Report.EnsurePassed("artifacts/test-recipe/smoke.json"));
        Assert.Equal(ExitCodes.Smoke, error.ExitCode);
        Assert.StartsWith("smoke: 1 passed, 1 wrong result, 4 crashed, 1 timed out, 2 import failed, 1 error of 10 workloads:", error.Message, StringComparison.Ordinal);
        Assert.Contains("  sigill: crashed: crashed with SIGILL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("env-report", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("See artifacts/test-recipe/smoke.json for each workload's output; run a workload by hand with the venv's python to reproduce it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_xml_reports_a_wrong_result_as_a_failure_and_crashes_timeouts_and_import_failures_as_errors()
    {
        var suite = XDocument.Parse(SmokeJUnit.Render(run.Report)).Root!.Element("testsuite")!;
        Assert.Equal(["10", "1", "8", "0"], new[] { "tests", "failures", "errors", "skipped" }.Select(a => suite.Attribute(a)!.Value));
        var cases = suite.Elements("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        Assert.Equal("wrong result", cases["wrong-number"].Element("failure")!.Attribute("type")!.Value);
        Assert.Equal("crashed", cases["sigill"].Element("error")!.Attribute("type")!.Value);
        Assert.Equal("timed out", cases["hang"].Element("error")!.Attribute("type")!.Value);
        Assert.Contains("LLVM ERROR: Failed to infer result type(s).", cases["mlir-abort"].Element("error")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(cases["env-report"].Elements(), e => e.Name != "system-out" && e.Name != "system-err");
    }

    private static bool IsRunning(int pid)
    {
        // A killed child re-parented to a PID 1 that does not reap stays a zombie ("Z"): it no longer runs.
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(") ")[1][0] != 'Z';
    }
}
