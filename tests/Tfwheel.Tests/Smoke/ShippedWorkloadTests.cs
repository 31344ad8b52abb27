using System.Text.Json;
using System.Xml.Linq;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

public class ShippedWorkloadTests(ShippedWorkloadRun run) : IClassFixture<ShippedWorkloadRun>
{
    [Fact]
    public void Every_shipped_workload_passes_against_the_test_double_wheel()
    {
        Assert.Equal(WorkloadCatalog.BuiltIn, run.Report.Workloads.Select(w => w.Name));
        Assert.All(run.Report.Workloads, w => Assert.True(w.Outcome == SmokeOutcome.Passed, $"{w.Name}: {w.Outcome}: {w.Note}\n{string.Join("\n", w.StandardErrorTail)}"));
        Assert.Equal(SmokeVerdict.Passed, run.Report.Verdict);
        Assert.Same(run.Report, run.Report.EnsurePassed("smoke.json"));
    }

    [Fact]
    public void Each_workload_prints_one_result_line_that_names_it_and_says_ok()
    {
        Assert.All(run.Report.Workloads, w =>
        {
            using var doc = JsonDocument.Parse(w.ResultLine!);
            Assert.Equal(w.Name, doc.RootElement.GetProperty("workload").GetString());
            Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal(doc.RootElement.GetProperty("message").GetString(), w.Note);
        });
    }

    [Fact]
    public void Build_info_checks_the_wheels_arch_and_reports_the_tensorflow_installed_from_the_wheel()
    {
        var buildInfo = run.Report.Workloads.Single(w => w.Name == "build-info");
        Assert.Equal(["--expect-arch", HostPlatform.Current.Arch], buildInfo.Argv.TakeLast(2));
        using var doc = JsonDocument.Parse(buildInfo.ResultLine!);
        Assert.Equal(TestWheel.Version, doc.RootElement.GetProperty("tensorflow").GetString());
        Assert.True(doc.RootElement.GetProperty("build_info").GetProperty("test_double").GetBoolean());
    }

    [Fact]
    public void The_mlir_pipeline_workload_runs_the_recipes_pipeline_and_sees_an_invalid_one_rejected()
    {
        var workload = run.Report.Workloads.Single(w => w.Name == "mlir-pipeline");
        Assert.Equal(["--pipeline", ShippedWorkloadRun.Pipeline], workload.Argv.TakeLast(2));
        using var doc = JsonDocument.Parse(workload.ResultLine!);
        Assert.Equal(ShippedWorkloadRun.Pipeline, doc.RootElement.GetProperty("pipeline").GetString());
        Assert.StartsWith("InvalidArgumentError: Invalid pass_pipeline", doc.RootElement.GetProperty("invalid_pipeline_error").GetString());
    }

    [Fact]
    public void Workloads_run_with_the_python_of_a_temporary_venv_that_is_removed_afterwards()
    {
        var python = run.Report.Workloads[0].Argv[0];
        Assert.Equal(SmokePlan.VenvPython(Path.GetDirectoryName(Path.GetDirectoryName(python))!), python);
        Assert.False(IsInside(python, SmokeTestPaths.RepositoryRoot), $"{python} is inside the checkout {SmokeTestPaths.RepositoryRoot}");
        Assert.False(File.Exists(python));
        Assert.All(run.Report.Workloads, w => Assert.Equal(python, w.Argv[0]));
    }

    [Fact]
    public void The_crash_reproducer_directory_is_made_in_artifacts_and_nothing_is_listed_when_nothing_crashed()
    {
        var reproducers = Path.Combine(run.Artifacts, "mlir-reproducers");
        Assert.Equal(reproducers, run.Report.Environment[SmokeEnvironment.CrashReproducerDirectory]);
        Assert.True(Directory.Exists(reproducers));
        Assert.Empty(run.Report.Artifacts);
    }

    [Fact]
    public void Smoke_json_and_junit_xml_are_written_with_every_workload_passed()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Artifacts, BuildPaths.SmokeReportName("py3"))));
        Assert.Equal("passed", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(WorkloadCatalog.BuiltIn, json.RootElement.GetProperty("workloads").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.All(json.RootElement.GetProperty("workloads").EnumerateArray(), w => Assert.True(w.GetProperty("result").GetProperty("ok").GetBoolean()));

        var suite = XDocument.Load(Path.Combine(run.Artifacts, BuildPaths.SmokeJUnitName("py3"))).Root!.Element("testsuite")!;
        Assert.Equal(["7", "0", "0", "0"], new[] { "tests", "failures", "errors", "skipped" }.Select(a => suite.Attribute(a)!.Value));
        Assert.Empty(Directory.GetFiles(run.Artifacts, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_log_echoes_each_command_and_each_workloads_outcome()
    {
        Assert.Contains(run.Log.Lines, l => l.Text.StartsWith("+ ", StringComparison.Ordinal) && l.Text.Contains(" -m venv --system-site-packages ", StringComparison.Ordinal));
        Assert.Contains(run.Log.Lines, l => l.Text.Contains(" -m pip install --disable-pip-version-check --no-input --no-index --no-deps ", StringComparison.Ordinal));
        Assert.All(WorkloadCatalog.BuiltIn, name => Assert.Contains(run.Log.Lines, l => l.Text.StartsWith($"smoke: {name}: passed", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Whether <paramref name="path"/> lies below <paramref name="folder"/>, compared part by part: a checkout in
    /// /tmp/tfw is not a prefix of the venv /tmp/tfwheel-smoke-1234/venv/bin/python.
    /// </summary>
    internal static bool IsInside(string path, string folder)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var prefix = Path.GetFullPath(folder).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > prefix.Length && parts.Take(prefix.Length).SequenceEqual(prefix, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("/tmp/tfwheel-smoke-1/venv/bin/python", "/tmp/tfw", false)]
    [InlineData("/tmp/tfw/venv/bin/python", "/tmp/tfw", true)]
    [InlineData("/tmp/tfw/venv/bin/python", "/tmp/tfw/", true)]
    [InlineData("/tmp/tfw", "/tmp/tfw", false)]
    public void Path_containment_compares_whole_parts(string path, string folder, bool inside) =>
        Assert.Equal(inside, IsInside(path, folder));
}
