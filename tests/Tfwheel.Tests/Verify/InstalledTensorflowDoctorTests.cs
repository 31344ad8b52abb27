using Tfwheel.Doctor;
using Tfwheel.Errors;
using Tfwheel.Processes;
using Tfwheel.Tests.Support;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Verify;

/// <summary>A real venv made by Debian's python3, holding a fake tensorflow package of real foreign binaries.</summary>
public sealed class InstalledTensorflowDoctorTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly TestLog log = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Foreign_binaries_in_an_installed_tensorflow_are_found_without_importing_it()
    {
        // Foreign for this host's CPU, whichever of x86_64 or aarch64 it is; the other one is native.
        var x64Host = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64;
        var (foreign, native) = x64Host ? (NpmFixtures.EsbuildLinuxArm64, NpmFixtures.RollupLinuxX64) : (NpmFixtures.RollupLinuxX64, NpmFixtures.EsbuildLinuxArm64);
        var (python, package) = MakeVenvWithTensorflow();
        CopyFixture(foreign, package, "python/_pywrap_tensorflow_internal.so");
        CopyFixture(NpmFixtures.RollupDarwinX64, package, "libtensorflow_framework.2.dylib");
        CopyFixture(native, package, "python/native_ok.so");

        var report = await InstalledTensorflowDoctor.InspectAsync(python, new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal(Path.GetFullPath(package), Path.GetFullPath(report.Python.Tensorflow!));
        Assert.Equal(3, report.Binaries.Count);
        Assert.False(report.Ok);
        var wrongCpu = Assert.Single(report.Findings.Where(f => f.Code != FindingCodes.IsaDispatched), f => f.Path == "tensorflow/python/_pywrap_tensorflow_internal.so");
        Assert.Equal(FindingCodes.ArchMissing, wrongCpu.Code);
        Assert.Contains("for another CPU", wrongCpu.Message, StringComparison.Ordinal);
        Assert.Equal(FindingCodes.ArchWrongFormat, Assert.Single(report.Findings, f => f.Path == "tensorflow/libtensorflow_framework.2.dylib").Code);
        Assert.DoesNotContain(report.Findings, f => f.Path == "tensorflow/python/native_ok.so");
        Assert.Contains("will not load", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_python_without_tensorflow_gets_a_warning_saying_what_to_install()
    {
        var python = MakeVenv();
        var host = new Tfwheel.Tests.Doctor.FakeHostProbe { Platform = new("linux", "x86_64"), CpuFeaturesText = "flags : avx2" };
        var report = await InstalledTensorflowDoctor.InspectAsync(python, host, new ProcessGateway(log), log, CancellationToken.None);

        Assert.Equal(FindingCodes.DoctorNoTensorflow, Assert.Single(report.Findings).Code);
        Assert.True(report.Ok);
        // Nothing to judge against this CPU, so it is not read.
        Assert.Equal(0, host.CpuFeatureReads);
        Assert.Contains("CPU features: not read", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_is_not_a_python_is_a_host_error_with_a_remedy()
    {
        var e = await Assert.ThrowsAnyAsync<TfwheelException>(() =>
            InstalledTensorflowDoctor.InspectAsync("/bin/false", new ProcessGateway(log), log, CancellationToken.None));
        Assert.Contains("--python", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_x86_64_python_translated_on_an_arm64_mac_is_the_illegal_instruction_setup()
    {
        // What the probe prints for python.org's x86_64 Python run under Rosetta on an M1.
        var facts = PythonProbe.ParseFacts(
            """{"executable": "/usr/local/bin/python3", "version": "3.12.4", "system": "Darwin", "machine": "x86_64", "translated": 1, "hwArm64": 1, "tensorflow": "/venv/site-packages/tensorflow", "tensorflowVersion": "2.16.1", "macosVersion": "14.5"}""",
            "python3");
        var x64 = NativeBinaryScannerTests.Scan(NpmFixtures.Read(NpmFixtures.RollupDarwinX64), 1 << 20, "tensorflow/libtensorflow_framework.2.dylib")!;

        var report = InstalledTensorflowDiagnosis.Diagnose(facts, [x64], new HashSet<string> { x64.Path });

        var finding = Assert.Single(report.Findings, f => f.Code == FindingCodes.DoctorPythonUnderRosetta);
        Assert.Contains("Illegal instruction", finding.Message, StringComparison.Ordinal);
        Assert.Contains("arm64 Python", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Rosetta", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("tfwheel", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void X86_64_tensorflow_binaries_under_an_arm64_python_on_a_mac_are_explained_in_plain_words()
    {
        var facts = new PythonFacts("/opt/homebrew/bin/python3", "3.12.4", "Darwin", "arm64", 0, 1, "/v/tensorflow", "2.16.1");
        var x64 = NativeBinaryScannerTests.Scan(NpmFixtures.Read(NpmFixtures.EsbuildDarwinX64), 1 << 20, "tensorflow/python/_pywrap_tensorflow_internal.so")!;
        var arm = NativeBinaryScannerTests.Scan(NpmFixtures.Read(NpmFixtures.Fsevents), 1 << 20, "tensorflow/fat.so")!;

        var report = InstalledTensorflowDiagnosis.Diagnose(facts, [x64, arm], new HashSet<string> { x64.Path, arm.Path });

        var finding = Assert.Single(report.Findings, f => f.Code != FindingCodes.IsaDispatched);
        Assert.Equal((FindingCodes.SeedX86InArm64, "tensorflow/python/_pywrap_tensorflow_internal.so"), (finding.Code, finding.Path));
        Assert.Contains("pip uninstall tensorflow", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Illegal instruction", report.Verdict, StringComparison.Ordinal);
        var text = new StringWriter();
        report.WriteText(text);
        Assert.Contains("tensorflow/python/_pywrap_tensorflow_internal.so  mach-o      x86_64", text.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"Verdict: {report.Verdict}{Environment.NewLine}", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_needing_a_newer_macos_than_the_running_one_is_explained()
    {
        var facts = new PythonFacts("/v/bin/python", "3.12.4", "Darwin", "arm64", 0, 1, "/v/tensorflow", "2.20.0", MacosVersion: "13.6.1");
        var onnx = NativeBinaryScannerTests.Scan(NpmFixtures.Read(NpmFixtures.OnnxDylibArm64), 1 << 20, "tensorflow/libonnxruntime.1.dylib")!;

        var report = InstalledTensorflowDiagnosis.Diagnose(facts, [onnx], new HashSet<string> { onnx.Path });

        var finding = Assert.Single(report.Findings, f => f.Code != FindingCodes.IsaDispatched);
        Assert.Equal(FindingCodes.MinOsAboveTag, finding.Code);
        Assert.StartsWith("The arm64 image needs macOS 14.0 but this Mac runs macOS 13.6.1, so it fails to load.", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.16", null)]
    [InlineData("14.5", "14.5")]
    [InlineData(null, null)]
    public void Macos_10_16_from_an_old_sdk_python_means_the_version_is_unknown(string? reported, string? expected) =>
        Assert.Equal(expected, new PythonFacts("p", "3.12", "Darwin", "arm64", 0, 1, null, null, reported).RunningMacos?.ToString());

    private string MakeVenv() => FakeTensorflowVenv.Create(dir.Path);

    private (string Python, string Package) MakeVenvWithTensorflow() => FakeTensorflowVenv.CreateWithTensorflow(dir.Path);

    private static void CopyFixture(string fixture, string package, string relative) =>
        File.Copy(NpmFixtures.PathOf(fixture), Path.Combine(package, relative));

}
