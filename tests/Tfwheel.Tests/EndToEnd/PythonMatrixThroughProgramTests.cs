using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// One recipe, two Pythons, through the real program: one TF-shaped tree and one bazel output base, bazel once per
/// version, a wheel per Python verified, retagged and smoke-tested in a venv of its own Python; then a failing
/// Python does not hide the other, and selecting one Python leaves no stale wheel.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class PythonMatrixThroughProgramTests : IAsyncLifetime
{
    private static readonly string[] Pythons = ["3.11", "3.12"];
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync()
    {
        _ws = await TfShapedWorkspace.CreateAsync();
        var recipes = Path.Combine(_ws.ProjectRoot, "recipes");
        var path = _ws.WriteRecipe("matrix", "smoke: { workloads: [native-dot.py], timeout-seconds: 120 }");
        // Two Pythons and a glibc floor, so each wheel is also retagged by Repair.
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("python: \"3.11\"", "python: [\"3.11\", \"3.12\"]", StringComparison.Ordinal)
            .Replace("target: { os: linux, arch: x86_64 }", "target: { os: linux, arch: x86_64, min-os: \"2.17\" }", StringComparison.Ordinal));
        File.Copy(ProjectFiles.Fixture("e2e/native-dot.py"), Path.Combine(recipes, "native-dot.py"));
        File.Copy(ProjectFiles.Fixture("e2e/wrong-on-python-3-12.py"), Path.Combine(recipes, "wrong-on-python-3-12.py"));
    }

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    private string Artifacts => Path.Combine(_ws.ProjectRoot, "artifacts", "matrix");

    [Fact]
    public async Task Every_python_gets_its_wheel_and_reports_a_failing_one_hides_nothing_and_a_selection_leaves_no_stale_wheel()
    {
        var wheel = await RunAsync("--target=Wheel", "--recipe=matrix");

        var output = TfwheelProcess.Output(wheel);
        Assert.True(wheel.ExitCode == 0, output);
        var wheels = Directory.GetFiles(Artifacts, "*.whl").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["tensorflow_cpu-2.20.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "tensorflow_cpu-2.20.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"],
            wheels);
        var manifest = Json("manifest.json");
        var entries = manifest.GetProperty("wheels").EnumerateArray().ToList();
        Assert.Equal(Pythons, entries.Select(e => e.GetProperty("python").GetString()));
        foreach (var (entry, python) in entries.Zip(Pythons))
        {
            var tag = "cp" + python.Replace(".", "", StringComparison.Ordinal);
            var file = Path.Combine(Artifacts, entry.GetProperty("name").GetString()!);
            var sha = Hashing.Sha256File(file);
            // The manifest, Verify and Smoke all name the very file that is left (after Repair's retag).
            Assert.Equal(sha, entry.GetProperty("sha256").GetString());
            Assert.Equal(sha, Json(BuildPaths.VerifyReportName(tag)).GetProperty("wheel").GetProperty("sha256").GetString());
            Assert.True(Json(BuildPaths.VerifyReportName(tag)).GetProperty("ok").GetBoolean(), output);
            var smoke = Json(BuildPaths.SmokeReportName(tag));
            Assert.True(smoke.GetProperty("ok").GetBoolean(), output);
            Assert.Equal(sha, smoke.GetProperty("wheel").GetProperty("sha256").GetString());
            Assert.Equal("python" + python, smoke.GetProperty("python").GetString()); // the venv was made with this version
            Assert.Contains($"--repo_env=HERMETIC_PYTHON_VERSION={python}", entry.GetProperty("bazel").GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("linux_x86_64", entry.GetProperty("repair").GetProperty("from").GetString()!.Split('-')[^1].Replace(".whl", "", StringComparison.Ordinal));
        }

        // The second Python's build reused the first's library: only the Python-dependent actions ran again.
        var local = entries.Select(e => e.GetProperty("bazel").GetProperty("processes").GetProperty("local").GetInt32()).ToList();
        Assert.True(local[1] < local[0], $"bazel ran {local[0]} then {local[1]} local processes: the second Python rebuilt the library");
        Assert.Contains("Python 3.12 (2 of 2)", output, StringComparison.Ordinal);
        Assert.Contains("Python  3.12", output, StringComparison.Ordinal);

        // A wrong answer on 3.12 only: both wheels are smoke-tested, then one table and exit 9.
        var failing = await RunAsync("--target=Smoke", "--exclusive", "--recipe=matrix", "--set", "smoke.workloads=[recipes/wrong-on-python-3-12.py]");

        var failed = TfwheelProcess.Output(failing);
        Assert.True(failing.ExitCode == ExitCodes.Smoke, failed);
        Assert.True(Json("smoke-cp311.json").GetProperty("ok").GetBoolean(), failed);
        Assert.False(Json("smoke-cp312.json").GetProperty("ok").GetBoolean(), failed);
        Assert.Contains("Smoke: 1 of 2 wheels passed", failed, StringComparison.Ordinal);
        Assert.Contains("Smoke failed for 1 of 2 wheels:", failed, StringComparison.Ordinal);
        Assert.Contains("Python 3.12: tensorflow_cpu-2.20.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("Python 3.11: tensorflow_cpu", failed, StringComparison.Ordinal);

        // Selecting one Python: the tree stamp still holds (selection is not an input of the tree), bazel builds
        // 3.12 only, and the 3.11 wheel and its reports are gone: nothing stale for Verify, Smoke or Publish.
        var one = await RunAsync("--target=Compile", "--recipe=matrix", "--python=3.12");

        var selected = TfwheelProcess.Output(one);
        Assert.True(one.ExitCode == 0, selected);
        Assert.Contains("Fetch, Patch, Configure: skipped", selected, StringComparison.Ordinal);
        Assert.Equal(["tensorflow_cpu-2.20.0-cp312-cp312-linux_x86_64.whl"], Directory.GetFiles(Artifacts, "*.whl").Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(Artifacts, "verify-cp311.json")));
        Assert.False(File.Exists(Path.Combine(Artifacts, "smoke-cp311.json")));
        Assert.Equal(["3.12"], Json("manifest.json").GetProperty("wheels").EnumerateArray().Select(e => e.GetProperty("python").GetString()));
    }

    private Task<Tfwheel.Processes.ProcessResult> RunAsync(params string[] args) =>
        TfwheelProcess.RunAsync(_ws.ProjectRoot, PythonEnvironment.WithEveryPython(), args);

    private JsonElement Json(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, name)));
        return doc.RootElement.Clone();
    }
}
