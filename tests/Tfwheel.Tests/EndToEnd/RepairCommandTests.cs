using Tfwheel.Errors;
using Tfwheel.Tests.Repair;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>The Repair target through the real program, on a wheel left in artifacts/ as Compile leaves it.</summary>
public sealed class RepairCommandTests : IDisposable
{
    private readonly TempDirectory _project = new("tfwheel-repair-cli-");

    public RepairCommandTests()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        File.WriteAllText(_project.Combine("recipes", "probe.yaml"), "description: linux-x86_64 with its glibc floor 2.17\nextends: linux-x86_64\n");
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Repair_refuses_a_wheel_whose_library_needs_a_newer_glibc_with_its_own_exit_code()
    {
        var artifacts = Directory.CreateDirectory(_project.Combine("artifacts", "probe")).FullName;
        var library = await ElfLibraries.BuildAsync(Directory.CreateDirectory(_project.Combine("cc")).FullName, "librandom.so", ElfLibraries.NeedsGlibc225);
        new TestWheel("tensorflow_cpu-2.20.0-cp312-cp312-linux_x86_64.whl").With("tensorflow/librandom.so", library).Write(artifacts);

        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Repair", "--exclusive", "--recipe=probe");

        var output = TfwheelProcess.Output(result);
        Assert.Equal(ExitCodes.Repair, result.ExitCode);
        Assert.Contains("tensorflow/librandom.so needs GLIBC_2.25", output);
        Assert.Contains("target.min-os: \"2.26\"", output);
        Assert.Single(Directory.GetFiles(artifacts, "*.whl"));
    }

    [Fact]
    public async Task Repair_says_why_it_skips_a_macos_target()
    {
        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Repair", "--exclusive", "--recipe=macos-arm64");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("Repair: skipped, the target is macos", output);
    }
}
