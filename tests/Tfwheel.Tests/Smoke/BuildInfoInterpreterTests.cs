using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

/// <summary>
/// build-info looks at the interpreter before importing TensorFlow: a Python of the wrong architecture
/// (an x86_64 one under Rosetta, above all) is named as such rather than dying in the import.
/// </summary>
public sealed class BuildInfoInterpreterTests
{
    private static readonly string Workload = Path.Combine(SmokeTestPaths.RepositoryRoot, "build", "Smoke", "workloads", "build-info.py");

    [Fact]
    public async Task A_python_of_another_architecture_is_reported_before_tensorflow_is_imported()
    {
        // This system Python has no TensorFlow at all: reaching the import would be a ModuleNotFoundError.
        var other = HostPlatform.Current.CanRunNatively("x86_64") ? "aarch64" : "x86_64";
        var spec = new ProcessSpec("python3", ["-I", Workload, "--expect-arch", other]) { Echo = false, StreamOutput = false };

        var process = await new ProcessGateway(new TestLog()).RunAsync(spec);
        var result = WorkloadClassifier.Classify("build-info", process, HostPlatform.Current);

        Assert.Equal(SmokeOutcome.WrongResult, result.Outcome);
        Assert.Contains($"but the wheel is for {other}", result.Note);
        Assert.DoesNotContain("tensorflow", string.Join("\n", process.StandardErrorTail), StringComparison.OrdinalIgnoreCase);
        var interpreter = InterpreterLine.Find(process.StandardOutput);
        Assert.NotNull(interpreter);
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "x86_64" : "aarch64", interpreter.Machine);
    }

    [Fact]
    public void A_sigill_after_the_interpreter_said_it_runs_under_rosetta_is_explained_as_rosetta()
    {
        // What build-info prints on an Apple-silicon Mac from an x86_64 Python, before the AVX import dies.
        const string stdout = """{"workload": "build-info", "stage": "interpreter", "machine": "x86_64", "translated": 1, "python": "3.12.4", "expect_arch": "x86_64"}""" + "\n";
        var process = new ProcessResult(new ProcessSpec("python", ["build-info.py"]), 128 + 4, stdout, [], ["Fatal Python error: Illegal instruction"], TimeSpan.FromSeconds(1), false);

        var result = WorkloadClassifier.Classify("build-info", process, new HostPlatform("macos", "arm64"));

        Assert.Equal(SmokeOutcome.Crashed, result.Outcome);
        Assert.Contains("under Rosetta (sysctl.proc_translated = 1), which has no AVX", result.Note);
    }

    [Fact]
    public void A_native_interpreter_line_adds_nothing_to_a_crash()
    {
        const string stdout = """{"workload": "build-info", "stage": "interpreter", "machine": "arm64", "translated": 0}""" + "\n";

        Assert.Null(InterpreterLine.Find(stdout)!.CrashExplanation);
    }
}
