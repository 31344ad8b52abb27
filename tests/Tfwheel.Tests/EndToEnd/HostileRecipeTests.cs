using System.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// Issue 11's hostile recipes and paths through the real program: FIFOs, devices, deep nesting, a secret file
/// named by extends, a patch that links out of the project. Each is a clear error in a bounded run.
/// </summary>
public sealed class HostileRecipeTests : IDisposable
{
    private const string SecretLine = "root:$6$s3cr3tSALT$hashhashhash:19000:0:99999:7:::";
    private readonly TempDirectory _project = new("tfwheel-e2e-hostile-recipe-");
    private readonly TempDirectory _outside = new("tfwheel-e2e-outside-");

    public HostileRecipeTests()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        Directory.CreateDirectory(_project.Combine("patches"));
        Directory.CreateDirectory(_project.Combine("outside"));
        File.WriteAllText(_project.Combine("outside", "shadow"), SecretLine + "\ndaemon:*:19000:0:99999:7:::\n");
        File.WriteAllText(_project.Combine("outside", "secrets.yaml"), $"aws_secret: '{SecretLine}'\npassword: hunter2-s3cr3t\n");
        File.WriteAllText(_outside.Combine("shadow"), SecretLine + "\n");
    }

    public void Dispose()
    {
        _project.Dispose();
        _outside.Dispose();
    }

    [Theory]
    [InlineData("--recipe=recipes/fifo.yaml")]
    [InlineData("--recipe=fifo")]
    [InlineData("--recipe=/dev/zero")]
    [InlineData("--recipe=recipes/zero.yaml")]
    public async Task A_fifo_or_device_as_the_recipe_is_a_recipe_error_not_a_hang(string option)
    {
        MakeFifo(_project.Combine("recipes", "fifo.yaml"));
        File.CreateSymbolicLink(_project.Combine("recipes", "zero.yaml"), "/dev/zero");

        var output = await PlanFailsAsync(option);

        Assert.Contains("empty or not a regular file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_as_an_extends_target_is_a_recipe_error_not_a_hang()
    {
        MakeFifo(_project.Combine("recipes", "fifo.yaml"));
        File.WriteAllText(_project.Combine("recipes", "x.yaml"), "extends: fifo\n");

        var output = await PlanFailsAsync("--recipe=x");

        Assert.Contains("empty or not a regular file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_as_a_patch_is_a_recipe_error_not_a_hang()
    {
        MakeFifo(_project.Combine("patches", "0001-fifo.patch"));
        File.WriteAllText(_project.Combine("recipes", "x.yaml"), "extends: linux-x86_64\npatches: [../patches/0001-fifo.patch]\n");

        var output = await PlanFailsAsync("--recipe=x");

        Assert.Contains("'../patches/0001-fifo.patch' in 'patches' is empty or not a regular file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_as_the_wheel_is_a_usage_error_not_a_hang()
    {
        var wheel = _project.Combine("tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl");
        MakeFifo(wheel);

        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Verify", $"--wheel={wheel}");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("empty or not a regular file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_nested_brackets_are_a_recipe_error_not_a_stack_overflow()
    {
        File.WriteAllText(_project.Combine("recipes", "deep.yaml"), "extends: linux-x86_64\nbazel: { options: " + new string('[', 10_000) + "\n");

        var output = await PlanFailsAsync("--recipe=deep");

        Assert.Contains("nest more than 32 levels", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside/shadow", "extends takes a recipe")]
    [InlineData("/etc/shadow", "extends takes a recipe")]
    [InlineData("../outside/secrets.yaml", "not a tfwheel recipe")]
    public async Task Extends_naming_a_file_that_is_not_a_recipe_never_echoes_its_content(string target, string expected)
    {
        File.WriteAllText(_project.Combine("recipes", "x.yaml"), $"extends: {target}\n");

        var output = await PlanFailsAsync("--recipe=x");

        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", output, StringComparison.Ordinal);
        Assert.DoesNotContain("daemon", output, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_that_links_out_of_the_project_is_refused()
    {
        File.CreateSymbolicLink(_project.Combine("patches", "0001-evil.patch"), _outside.Combine("shadow"));
        Directory.CreateSymbolicLink(_project.Combine("patches", "linked"), _outside.Path);
        File.WriteAllText(_project.Combine("recipes", "x.yaml"), "extends: linux-x86_64\npatches: [../patches/0001-evil.patch, ../patches/linked/shadow]\n");

        var output = await PlanFailsAsync("--recipe=x");

        Assert.Contains("'../patches/0001-evil.patch' in 'patches' is a link to", output, StringComparison.Ordinal);
        Assert.Contains("'../patches/linked/shadow' in 'patches' is a link to", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", output, StringComparison.Ordinal);
    }

    private async Task<string> PlanFailsAsync(string recipeOption)
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", recipeOption);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Recipe, output);
        CommandLineTests.AssertNoStackTrace(output);
        return output;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
