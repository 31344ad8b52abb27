using System.Reflection;
using Cake.Frosting;
using Tfwheel.Errors;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>What a user sees from the real program's host options and from bad input, with its exit codes.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _project = new("tfwheel-e2e-cli-");

    public void Dispose() => _project.Dispose();

    /// <summary>Every task class in the build program with its [TaskDescription], read from the program itself.</summary>
    private static IReadOnlyList<(string Name, string Description)> Targets { get; } =
        typeof(BuildContext).Assembly.GetTypes()
            .Select(t => (Name: t.GetCustomAttribute<TaskNameAttribute>()?.Name, Description: t.GetCustomAttribute<TaskDescriptionAttribute>()?.Description))
            .Where(t => t.Name is not null)
            .Select(t => (t.Name!, t.Description ?? ""))
            .ToList();

    [Fact]
    public async Task Help_lists_every_target_with_its_description()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--help");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains(Targets, t => t.Name == "Wheel");
        Assert.All(Targets, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Description), $"{t.Name} has no description");
            Assert.Contains(result.StandardOutput.Split('\n'), line => line.Trim().StartsWith(t.Name + " ", StringComparison.Ordinal) && line.Contains(t.Description, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Tree_shows_the_chain_of_tasks_the_wheel_target_runs()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--tree");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var chain = new[] { "Wheel", "Smoke", "Repair", "Verify", "Compile", "Configure", "Patch", "Fetch" };
        var lines = result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).ToList();
        var start = lines.FindIndex(l => l == "└─Wheel");
        Assert.True(start >= 0, result.StandardOutput);
        // Each dependency sits one level deeper than the task that needs it.
        Assert.Equal(chain, lines.Skip(start).Take(chain.Length).Select(l => l.TrimStart(' ', '└', '─')));
        Assert.Equal(
            Enumerable.Range(0, chain.Length).Select(i => 3 * i),
            lines.Skip(start).Take(chain.Length).Select(l => l.IndexOf('└')));
    }

    [Fact]
    public async Task Description_names_every_target_and_the_start_of_its_description()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--description");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        // The table wraps long descriptions, so the first words are what sits on the task's own line.
        Assert.All(Targets, t =>
        {
            var firstWords = string.Join(' ', t.Description.Split(' ').Take(3));
            Assert.Contains(result.StandardOutput.Split('\n'), line => line.Trim().StartsWith(t.Name + " ", StringComparison.Ordinal) && line.Contains(firstWords, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task An_unknown_target_exits_with_the_usage_code_and_lists_the_targets()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Nope");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--target=Nope: no such task.", output);
        Assert.All(Targets, t => Assert.Contains(t.Name, output));
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_positional_argument_exits_with_the_usage_code()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", "macos-arm64");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unexpected argument 'macos-arm64'", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_broken_recipe_file_exits_with_the_recipe_code_and_reports_every_problem_with_its_location()
    {
        // A copy of the built-in recipes, so the broken one can extend a real recipe and only its own mistakes count.
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        File.WriteAllText(_project.Combine("recipes", "x.yaml"), "extends: linux-x86_64\npyhton: \"3.12\"\nbazel:\n  jobs: many\n  confgs: [x]\n");

        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", "--recipe=x");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Recipe, result.ExitCode);
        Assert.Contains("recipes/x.yaml:2:1: unknown key 'pyhton' (did you mean 'python'?)", output);
        Assert.Contains("recipes/x.yaml:5:3: unknown key 'confgs' in 'bazel' (did you mean 'configs'?)", output);
        Assert.Contains("recipes/x.yaml:4:9: 'bazel.jobs' must be auto or a positive number, got 'many'", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task An_unknown_key_in_set_exits_with_the_recipe_code_and_suggests_a_key()
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", "--recipe=linux-x86_64", "--set", "nope.key=1");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Recipe, result.ExitCode);
        Assert.Contains("--set nope.key: unknown key 'nope' (did you mean", output);
        AssertNoStackTrace(output);
    }

    [Theory]
    [InlineData("3.11,", ExitCodes.Usage, "--python=3.11,: give versions separated by commas without spaces")]
    [InlineData("3.11, 3.12", ExitCodes.Usage, "--python=3.11, 3.12: give versions separated by commas without spaces")]
    [InlineData("3.11,3.11", ExitCodes.Recipe, "--python: 'python' lists 3.11 twice; list each version once")]
    public async Task A_slip_in_a_python_version_list_is_refused_not_taken_for_an_interpreter(string python, int exitCode, string message)
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", "--recipe=macos-arm64", "--python=" + python);

        var output = TfwheelProcess.Output(result);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task An_unknown_output_format_exits_with_the_usage_code()
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", "--format=yaml");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--format=yaml: use text or json.", output);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task An_unknown_recipe_exits_with_the_recipe_code_and_lists_the_built_in_recipes()
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", "--recipe=nope");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Recipe, result.ExitCode);
        Assert.Contains("no recipe named 'nope' in recipes; built-in recipes: base, ", output);
        Assert.Contains("macos-arm64", output);
        AssertNoStackTrace(output);
    }

    internal static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", output);
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
    }
}
