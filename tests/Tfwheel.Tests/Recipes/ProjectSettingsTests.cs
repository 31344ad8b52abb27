using System.Text.Json;
using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Recipes;

/// <summary>cake.config's [tfwheel] section through the program (Cake's own configuration reader): CAKE_* variables, then the file, then flags.</summary>
public sealed class ProjectSettingsTests : IDisposable
{
    private readonly TempDirectory _project = new("tfwheel-settings-");

    public ProjectSettingsTests()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        File.WriteAllText(_project.Combine("cake.config"), "[Settings]\nSkipVerification=false\n\n[tfwheel]\nartifacts=out/wheels\nwork=/tmp/tfwheel-work-elsewhere\nrecipe=linux-aarch64\n");
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Cake_config_sets_the_artifacts_and_work_folders_and_the_default_recipe()
    {
        var paths = await PlanPathsAsync();

        Assert.Equal("linux-aarch64", paths.Recipe);
        Assert.Equal(_project.Combine("out", "wheels", "linux-aarch64"), paths.Artifacts);
        Assert.Equal("/tmp/tfwheel-work-elsewhere/src/linux-aarch64", paths.Source);
    }

    [Fact]
    public async Task Flags_win_over_cake_config()
    {
        var paths = await PlanPathsAsync("--recipe=linux-x86_64", "--artifacts-dir=mine", "--source-dir=tree");

        Assert.Equal("linux-x86_64", paths.Recipe);
        Assert.Equal(_project.Combine("mine"), paths.Artifacts);
        Assert.Equal(_project.Combine("tree"), paths.Source);
    }

    [Fact]
    public async Task A_cake_environment_variable_sets_what_the_file_leaves_out()
    {
        File.WriteAllText(_project.Combine("cake.config"), "[tfwheel]\nartifacts=out/wheels\n");

        var paths = await PlanPathsAsync(new Dictionary<string, string?> { ["CAKE_TFWHEEL_RECIPE"] = "macos-arm64" });

        Assert.Equal("macos-arm64", paths.Recipe);
        Assert.Equal(_project.Combine("out", "wheels", "macos-arm64"), paths.Artifacts);
    }

    private Task<(string Recipe, string Artifacts, string Source)> PlanPathsAsync(params string[] args) =>
        PlanPathsAsync(new Dictionary<string, string?>(), args);

    private async Task<(string Recipe, string Artifacts, string Source)> PlanPathsAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, environment, ["--target=Plan", "--format=json", .. args]);
        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var plan = JsonDocument.Parse(result.StandardOutput).RootElement;
        var paths = plan.GetProperty("paths");
        return (plan.GetProperty("recipe").GetProperty("name").GetString()!, paths.GetProperty("artifacts").GetString()!, paths.GetProperty("source").GetString()!);
    }
}
