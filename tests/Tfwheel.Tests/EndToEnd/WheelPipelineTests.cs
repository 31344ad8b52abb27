using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The whole Wheel target through the real program, its Cake host and the real tools: git fetches the
/// TF-shaped tree, a patch is applied, configure.py runs, Bazel 4 builds the wheel, Verify reads its ELF
/// library, Repair retags it manylinux2014, and Smoke installs it in a fresh venv and calls into that library.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class WheelPipelineTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;

    public async Task InitializeAsync()
    {
        _ws = await TfShapedWorkspace.CreateAsync();
        var recipes = Directory.CreateDirectory(Path.Combine(_ws.ProjectRoot, "recipes")).FullName;
        File.Copy(ProjectFiles.Fixture("e2e/native-dot.py"), Path.Combine(recipes, "native-dot.py"));
        _ws.WritePatch("0001-patched-note.patch", """
            diff --git a/PATCHED.txt b/PATCHED.txt
            new file mode 100644
            --- /dev/null
            +++ b/PATCHED.txt
            @@ -0,0 +1 @@
            +Patched by tfwheel's end-to-end test.

            """);
        File.WriteAllText(Path.Combine(recipes, "linux-test.yaml"), $"""
            description: the TF-shaped test tree, built for this Linux host
            tensorflow: {"{"} repository: "{_ws.Origin}", ref: {_ws.Tag}, commit: "{_ws.Commit}", version: {_ws.Version} {"}"}
            python: "3.11"
            target: {"{"} os: linux, arch: x86_64, min-os: "2.17" {"}"}
            bazel:
              version: "4"
              startup-options: [{string.Join(", ", _ws.StartupOptions.Select(o => '"' + o + '"'))}]
              configs: [release_cpu_linux]
            configure: {"{"} env: {"{"} TF_NEED_CUDA: "0", TF_ENABLE_XLA: "1" {"}"}, timeout-seconds: 60 {"}"}
            patches: [../patches/0001-patched-note.patch]
            wheel: {"{"} name: tensorflow_cpu {"}"}
            verify: {"{"} archs: [x86_64] {"}"}
            smoke: {"{"} workloads: [native-dot.py], timeout-seconds: 120 {"}"}
            """);
    }

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task Wheel_builds_verifies_and_smoke_tests_and_a_rerun_skips_the_source_stages()
    {
        using var gha = new Reporting.ActionsEnvironment(_ws.ProjectRoot);
        var first = await TfwheelProcess.RunAsync(_ws.ProjectRoot, gha.Variables, "--target=Wheel", "--recipe=linux-test", "--python=/usr/bin/python3");

        var output = TfwheelProcess.Output(first);
        Assert.True(first.ExitCode == 0, output);
        var artifacts = Path.Combine(_ws.ProjectRoot, "artifacts", "linux-test");
        var wheel = Assert.Single(Directory.GetFiles(artifacts, "*.whl"));
        // Bazel's linux_x86_64 wheel, retagged by Repair for the recipe's glibc floor, is the only wheel left.
        Assert.Equal("tensorflow_cpu-2.20.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", Path.GetFileName(wheel));
        Assert.True(Json(artifacts, "verify-cp311.json").GetProperty("ok").GetBoolean());
        Assert.True(Json(artifacts, "smoke-cp311.json").GetProperty("ok").GetBoolean());
        var manifest = Json(artifacts, "manifest.json");
        Assert.Equal(_ws.Commit, manifest.GetProperty("tensorflow").GetProperty("commit").GetString());
        Assert.Single(manifest.GetProperty("patches").EnumerateArray());
        Assert.Equal("tensorflow_cpu-2.20.0-cp311-cp311-linux_x86_64.whl", manifest.GetProperty("wheels")[0].GetProperty("repair").GetProperty("from").GetString());
        Assert.Equal(Path.GetFileName(wheel), manifest.GetProperty("wheels")[0].GetProperty("name").GetString());
        Assert.Contains("Patched by tfwheel", File.ReadAllText(Path.Combine(_ws.ProjectRoot, ".work", "src", "linux-test", "PATCHED.txt")));
        Assert.Contains("+ git", output);
        Assert.Contains("+ bazel", output);
        // On GitHub Actions: Compile's and Smoke's step summaries and the wheel's step outputs.
        var summary = File.ReadAllText(gha.Summary);
        Assert.Contains("### Compile: linux-test", summary);
        Assert.Contains("### Smoke: passed", summary);
        Assert.Equal(wheel, gha.ReadOutputs()["wheel"]);
        Assert.Equal(manifest.GetProperty("wheels")[0].GetProperty("sha256").GetString(), gha.ReadOutputs()["sha256"]);
        // The list form a matrix workflow reads with fromJSON: the wheel Repair left, for the recipe's one Python.
        using var wheels = JsonDocument.Parse(gha.ReadOutputs()["wheels"]);
        var only = Assert.Single(wheels.RootElement.EnumerateArray());
        Assert.Equal(["3.11", wheel, manifest.GetProperty("wheels")[0].GetProperty("sha256").GetString()], new[] { "python", "wheel", "sha256" }.Select(k => only.GetProperty(k).GetString()));

        // The report draws the real Bazel profile Compile kept.
        var report = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Report", "--recipe=linux-test");
        Assert.True(report.ExitCode == 0, TfwheelProcess.Output(report));
        Assert.Contains("Executing genrule //tensorflow/tools/pip_package:wheel", File.ReadAllText(Path.Combine(artifacts, "report.html")));

        var second = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Wheel", "--recipe=linux-test", "--python=/usr/bin/python3");

        var again = TfwheelProcess.Output(second);
        Assert.True(second.ExitCode == 0, again);
        Assert.Contains("inputs unchanged", again);
        Assert.DoesNotContain("+ git -C", again);
    }

    [Fact]
    public async Task A_config_missing_from_the_trees_bazelrc_stops_configure_with_the_recipe_exit_code()
    {
        var result = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=linux-test", "--set", "bazel.configs=[release_nope]");

        Assert.Equal(ExitCodes.Recipe, result.ExitCode);
        Assert.Contains("release_nope", TfwheelProcess.Output(result));
        Assert.False(Directory.Exists(Path.Combine(_ws.ProjectRoot, "artifacts", "linux-test")) &&
                     Directory.GetFiles(Path.Combine(_ws.ProjectRoot, "artifacts", "linux-test"), "*.whl").Length > 0);
    }

    private static JsonElement Json(string dir, string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, file))).RootElement.Clone();
}
