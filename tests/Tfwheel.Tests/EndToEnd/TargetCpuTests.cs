using Tfwheel.Errors;
using Tfwheel.Tests.Support;
using Tfwheel.Tests.Verify;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>Recipe key target.cpu through the real program: its compiler flags in the plan, its errors, and Verify's requirement.</summary>
public sealed class TargetCpuTests : IDisposable
{
    private readonly TempDirectory _project = new("tfwheel-e2e-cpu-");

    public TargetCpuTests() => TfwheelProcess.CopyBuiltInRecipes(_project.Path);

    public void Dispose() => _project.Dispose();

    private string Recipe(string target)
    {
        var path = _project.Combine("recipes", "x.yaml");
        target = target.Replace("os: linux,", "os: linux, min-os: ~,", StringComparison.Ordinal);
        File.WriteAllText(path, $"extends: base\n# target.cpu under test\ntarget: {target}\nbazel: {{ configs: [] }}\n");
        return path;
    }

    [Theory]
    [InlineData("{ os: linux, arch: x86_64, cpu: x86-64-v3 }", "x86-64-v3 (--copt=-march=x86-64-v3)")]
    [InlineData("{ os: linux, arch: x86_64, cpu: x86-64-v2+avx+bmi1 }", "x86-64-v2+avx+bmi1 (--copt=-march=x86-64-v2 --copt=-mavx --copt=-mbmi)")]
    [InlineData("{ os: linux, arch: x86_64 }", "x86-64 (--copt=-march=x86-64)")]
    [InlineData("{ os: linux, arch: aarch64 }", "armv8-a (--copt=-march=armv8-a)")]
    [InlineData("{ os: linux, arch: aarch64, cpu: armv8.2-a+dotprod }", "armv8.2-a+dotprod (--copt=-march=armv8.2-a+dotprod)")]
    [InlineData("{ os: macos, arch: arm64, cpu: apple-m2 }", "apple-m2 (--copt=-mcpu=apple-m2)")]
    [InlineData("{ os: macos, arch: arm64 }", "apple-m1 (--copt=-mcpu=apple-m1)")]
    [InlineData("{ os: macos, arch: x86_64, min-os: \"10.15\" }", "x86-64-v2 (--copt=-march=x86-64-v2)")]
    public async Task The_plan_shows_the_cpu_and_writes_its_flags_after_the_configs(string target, string shown)
    {
        Recipe(target);

        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", "--recipe=x");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("cpu            " + shown + "\n", result.StandardOutput);
        var flags = shown[(shown.IndexOf('(') + 1)..^1].Split(' ');
        Assert.All(flags, f => Assert.Contains($"      | build {f}\n", result.StandardOutput));
        Assert.Contains($"instruction sets within cpu {shown[..shown.IndexOf(' ')]}", result.StandardOutput);
    }

    [Fact]
    public async Task Set_overrides_the_recipes_cpu()
    {
        Recipe("{ os: linux, arch: x86_64, cpu: x86-64-v3 }");

        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", "--recipe=x", "--set", "target.cpu=x86-64-v4");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.Contains("cpu            x86-64-v4 (--copt=-march=x86-64-v4)", result.StandardOutput);
    }

    [Theory]
    [InlineData("{ os: linux, arch: x86_64, cpu: x86_64-v3 }", "'target.cpu' unknown cpu 'x86_64-v3' (did you mean 'x86-64-v3'?). Valid names for linux x86_64: x86-64, x86-64-v2, x86-64-v3, x86-64-v4")]
    [InlineData("{ os: linux, arch: x86_64, cpu: apple-m1 }", "'target.cpu' 'apple-m1' is an arm64 cpu but target.arch is x86_64. Valid names for linux x86_64: x86-64, x86-64-v2, x86-64-v3, x86-64-v4 (")]
    [InlineData("{ os: macos, arch: arm64, cpu: x86-64-v3 }", "'target.cpu' 'x86-64-v3' is an x86 cpu but target.arch is arm64. Valid names for macos arm64: ")]
    [InlineData("{ os: linux, arch: aarch64, cpu: apple-m1 }", "'target.cpu' 'apple-m1' is an Apple core for macOS targets; on Linux aarch64 use an Arm level such as armv8.2-a.")]
    [InlineData("{ os: linux, arch: aarch64, cpu: armv8.2-a+jscvt }", "'target.cpu' '+jscvt' has no compiler modifier of that name")]
    [InlineData("{ os: linux, arch: x86_64, cpu: x86-64-v2+avx9 }", "'target.cpu' 'x86-64-v2+avx9' adds a feature the audit does not know (features use gcc's names)")]
    public async Task A_bad_cpu_is_a_recipe_error_at_its_line_listing_the_valid_names(string target, string message)
    {
        var path = Recipe(target);

        var result = await TfwheelProcess.RunAsync(_project.Path, "--target=Plan", "--recipe=x");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Recipe, output);
        Assert.Contains($"x.yaml:3:", output);
        Assert.Contains(message, output);
        // The valid names once per message (the arch mismatch used to list them twice).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output.Split('\n').First(l => l.Contains(message, StringComparison.Ordinal)), "Valid names for"));
        Assert.Contains(Path.GetFileName(path), output);
        CommandLineTests.AssertNoStackTrace(output);
    }

    [Fact]
    public async Task Verify_holds_a_wheel_to_the_recipes_cpu_and_cpu_on_the_command_line_overrides_it()
    {
        Recipe("{ os: linux, arch: x86_64, cpu: x86-64-v3 }");
        var wheel = new TestWheel("tensorflow-2.20.0-cp312-cp312-linux_x86_64.whl").With("k/libk.so", GccKernels.Build(_project.Path, "avx2")).Write(_project.Path);

        var passed = await TfwheelProcess.RunAsync(_project.Path, "--target=Verify", "--recipe=x", $"--wheel={wheel}", "--exclusive");
        var failed = await TfwheelProcess.RunAsync(_project.Path, "--target=Verify", "--recipe=x", $"--wheel={wheel}", "--exclusive", "--cpu=x86-64-v2");

        Assert.True(passed.ExitCode == 0, TfwheelProcess.Output(passed));
        Assert.Contains("cpu x86-64-v3", passed.StandardOutput);
        Assert.Equal(ExitCodes.Verify, failed.ExitCode);
        Assert.Contains($"[{FindingCodes.IsaBaselineAboveCpu}] k/libk.so: The x86_64 code needs", failed.StandardOutput);
        Assert.Contains("beyond the target cpu x86-64-v2", failed.StandardOutput);
    }
}
