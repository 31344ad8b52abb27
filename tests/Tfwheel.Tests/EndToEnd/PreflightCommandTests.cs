using Tfwheel.Errors;
using Tfwheel.Platforms;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>What can be checked without the TensorFlow tree is checked before Fetch downloads it, through the real program.</summary>
public sealed class PreflightCommandTests : IDisposable
{
    private readonly TempDirectory _project = new("tfwheel-preflight-");

    public PreflightCommandTests() => TfwheelProcess.CopyBuiltInRecipes(_project.Path);

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task A_recipe_for_another_os_is_refused_before_anything_is_fetched()
    {
        // On an Apple-silicon Mac the recipe is buildable here: the refusal below is a Linux (or Intel) host's.
        var recipe = HostPlatform.Current is { Os: "macos", Arch: "arm64" } ? "linux-x86_64" : "macos-arm64";
        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Wheel", $"--recipe={recipe}");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Host, result.ExitCode);
        Assert.Contains($"Preflight: recipe '{recipe}' cannot be built on this host, so TensorFlow was not fetched", output);
        Assert.Contains("host, but this is", output);
        Assert.DoesNotContain("+ git", output);
        Assert.False(Directory.Exists(_project.Combine(".work", "src", recipe)));
    }

    [Fact]
    public async Task Plan_shows_the_preflight_and_that_xcode_is_checked_not_rewritten()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", "--recipe=macos-arm64");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("1. preflight: Before fetching, check", output);
        Assert.Contains("full Xcode at /Applications/Xcode.app/Contents/Developer", output);
        Assert.Contains("tfwheel does not write DEVELOPER_DIR from xcode-select -p", output);
    }
}
