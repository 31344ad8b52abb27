using Tfwheel.Errors;
using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Support;
using NpmFixtures = Tfwheel.Tests.Verify.NpmFixtures;
using WheelsTestWheel = Tfwheel.Tests.Support.TestWheel;

namespace Tfwheel.Tests.Reporting;

/// <summary>
/// GitHub Actions as the runner sees it, through the real program: annotations raw at the start of a line,
/// escaped per the workflow-command rules; the step summary and step outputs in the runner's files.
/// (Compile and Smoke: EndToEnd/WheelPipelineTests; Publish: EndToEnd/PublishThroughProgramTests.)
/// </summary>
public sealed class ActionsThroughProgramTests : IDisposable
{
    private readonly TempDirectory _project = new("tfwheel-gha-project-");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Each_recipe_problem_is_an_error_annotation_at_its_file_line_and_column_relative_to_the_workspace()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        var odd = Directory.CreateDirectory(_project.Combine("recipes", "odd:dir,1")).FullName;
        File.WriteAllText(Path.Combine(odd, "bad.yaml"), "extends: linux-x86_64\npyhton: \"3.12\"\nbazel:\n  jobs: 100%\n");
        using var gha = new ActionsEnvironment(_project.Path);

        var result = await TfwheelProcess.RunAsync(_project.Path, gha.Variables, "--target=Plan", "--recipe=recipes/odd:dir,1/bad.yaml");

        Assert.Equal(ExitCodes.Recipe, result.ExitCode);
        var commands = ActionsEnvironment.Commands(result.StandardOutput);
        Assert.Contains("::error file=recipes/odd%3Adir%2C1/bad.yaml,line=2,col=1,title=recipe::unknown key 'pyhton' (did you mean 'python'?)", commands);
        var jobs = Assert.Single(commands, c => c.Contains("line=4", StringComparison.Ordinal));
        Assert.Contains("100%25", jobs);
        Assert.DoesNotContain("\u001b", string.Join('\n', commands));
    }

    [Fact]
    public async Task Verify_findings_are_annotations_and_its_table_goes_to_the_step_summary()
    {
        var wheel = new WheelsTestWheel("tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl")
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinX64)
            .Write(_project.Path);
        using var gha = new ActionsEnvironment(_project.Path);

        var result = await TfwheelProcess.RunAsync(_project.Path, gha.Variables, "--target=Verify", $"--wheel={wheel}");

        Assert.Equal(ExitCodes.Verify, result.ExitCode);
        var commands = ActionsEnvironment.Commands(result.StandardOutput);
        Assert.Contains(commands, c => c.StartsWith("::error title=Verify arch.x86_64-in-arm64-wheel%3A tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl::tensorflow/python/_pywrap_tensorflow_internal.so: ", StringComparison.Ordinal));
        var summary = await File.ReadAllTextAsync(gha.Summary);
        Assert.Contains("### Verify: FAILED `tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl`", summary);
        Assert.Contains("| `tensorflow/python/_pywrap_tensorflow_internal.so` | mach-o | x86_64 |", summary);
        Assert.Contains("| error | `arch.x86_64-in-arm64-wheel` |", summary);
    }

    [Fact]
    public async Task Verify_as_json_keeps_stdout_the_document_and_annotates_on_stderr()
    {
        var wheel = new WheelsTestWheel("tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl")
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinX64)
            .Write(_project.Path);
        using var gha = new ActionsEnvironment(_project.Path);

        var result = await TfwheelProcess.RunAsync(_project.Path, gha.Variables, "--target=Verify", $"--wheel={wheel}", "--format=json");

        Assert.Equal(ExitCodes.Verify, result.ExitCode);
        System.Text.Json.JsonDocument.Parse(result.StandardOutput).Dispose();
        Assert.Contains(ActionsEnvironment.Commands(string.Join('\n', result.StandardErrorTail)), c => c.StartsWith("::error title=Verify arch.x86_64-in-arm64-wheel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_task_is_a_log_group_written_raw_even_when_the_log_is_coloured()
    {
        var wheel = new WheelsTestWheel("tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl")
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinX64)
            .Write(_project.Path);
        using var gha = new ActionsEnvironment(_project.Path);
        var variables = new Dictionary<string, string?>(gha.Variables) { ["NO_COLOR"] = null, ["FORCE_COLOR"] = "1" };

        var result = await TfwheelProcess.RunAsync(_project.Path, variables, "--target=Verify", $"--wheel={wheel}");

        // The runner only sees a workflow command that starts its line: no colour escape may come first.
        var lines = result.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("::group::Verify", lines);
        Assert.Contains("::endgroup::", lines);
        Assert.DoesNotContain(lines, l => l.Contains("::group::", StringComparison.Ordinal) && !l.StartsWith("::group::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_warnings_are_warning_annotations()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        using var gha = new ActionsEnvironment(_project.Path);

        var result = await TfwheelProcess.RunAsync(_project.Path, gha.Variables, "--target=Doctor", "--recipe=linux-x86_64", "--set", "python=3.99");

        Assert.Contains("::warning title=Doctor smoke-python::python3.99 not found. Smoke makes its venv with python3.99; install it, or select the Pythons this machine has with --python=3.11,3.12 (or --python=PATH for one)", ActionsEnvironment.Commands(result.StandardOutput));
    }

    [Fact]
    public async Task Outside_github_actions_nothing_is_annotated_or_written()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        using var gha = new ActionsEnvironment(_project.Path);
        var variables = gha.Variables;
        variables["GITHUB_ACTIONS"] = null;

        var result = await TfwheelProcess.RunAsync(_project.Path, variables, "--target=Doctor", "--recipe=linux-x86_64", "--set", "python=3.99");

        Assert.Empty(ActionsEnvironment.Commands(result.StandardOutput));
        Assert.Equal("", await File.ReadAllTextAsync(gha.Summary));
    }
}
