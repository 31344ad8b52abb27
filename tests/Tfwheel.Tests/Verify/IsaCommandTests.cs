using Tfwheel.Errors;
using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Support;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Verify;

/// <summary>The instruction-set audit through the real program: the default cpu, --cpu=NAME, and a bad name.</summary>
public sealed class IsaCommandTests : IDisposable
{
    private readonly TempDirectory dir = new("tfwheel-e2e-isa-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task An_avx2_wheel_fails_for_the_default_cpu_passes_with_cpu_x86_64_v3_and_a_bad_cpu_is_a_usage_error()
    {
        var wheel = new TestWheel("k-1.0-cp312-cp312-manylinux_2_17_x86_64.whl").With("k/libk.so", GccKernels.Build(dir.Path, "avx2")).Write(dir.Path);

        var failed = await TfwheelProcess.RunAsync(dir.Path, "--target=Verify", $"--wheel={wheel}");
        var passed = await TfwheelProcess.RunAsync(dir.Path, "--target=Verify", $"--wheel={wheel}", "--cpu=x86-64-v3");
        var bad = await TfwheelProcess.RunAsync(dir.Path, "--target=Verify", $"--wheel={wheel}", "--cpu=pentium4");

        Assert.Equal(ExitCodes.Verify, failed.ExitCode);
        Assert.Contains($"[{FindingCodes.IsaBaselineAboveCpu}] k/libk.so: The x86_64 code needs", failed.StandardOutput);
        Assert.True(passed.ExitCode == 0, TfwheelProcess.Output(passed));
        Assert.Contains("cpu x86-64-v3", passed.StandardOutput);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("pentium4", TfwheelProcess.Output(bad));
        CommandLineTests.AssertNoStackTrace(TfwheelProcess.Output(bad));
    }
}
