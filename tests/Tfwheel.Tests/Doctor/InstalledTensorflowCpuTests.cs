using Tfwheel.Doctor;
using Tfwheel.Processes;
using Tfwheel.Tests.Support;
using Tfwheel.Tests.Verify;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Doctor;

/// <summary>
/// Doctor --python against the CPU: a real venv holding a fake tensorflow package of gcc-built libraries, this
/// machine's /proc/cpuinfo or a made-up one, and Rosetta 2 by macOS version.
/// </summary>
public sealed class InstalledTensorflowCpuTests : IDisposable
{
    // An Intel Sandy Bridge: AVX, no AVX2/FMA/BMI (the flags line as Linux prints it).
    private const string SandyBridge = """
        processor	: 0
        model name	: Intel(R) Core(TM) i7-2600 CPU @ 3.40GHz
        flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx rdtscp lm constant_tsc pni pclmulqdq ssse3 cx16 sse4_1 sse4_2 x2apic popcnt aes xsave avx lahf_lm

        processor	: 1
        flags		: fpu sse sse2 avx avx2 fma

        """;

    private readonly TempDirectory dir = new();
    private readonly TestLog log = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task An_avx2_tensorflow_on_a_cpu_without_avx2_is_the_one_line_diagnosis()
    {
        var (python, package) = MakeVenvWithTensorflow();
        File.WriteAllBytes(Path.Combine(package, "libtensorflow_framework.so.2"), GccKernels.Build(dir.Path, "avx2"));
        File.WriteAllText(dir.Combine("cpuinfo"), SandyBridge);
        var gateway = new ProcessGateway(log);

        var report = await InstalledTensorflowDoctor.InspectAsync(python, new SystemHostProbe(gateway) { CpuInfoPath = dir.Combine("cpuinfo") }, gateway, log, CancellationToken.None);

        var finding = Assert.Single(report.Findings, f => f.Code == FindingCodes.DoctorCpuLacksFeature);
        Assert.Equal("tensorflow/libtensorflow_framework.so.2", finding.Path);
        Assert.StartsWith("Its x86_64 code needs AVX2 and FMA everywhere", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Code is FindingCodes.IsaBaselineAboveCpu or FindingCodes.IsaDispatched);
        Assert.False(report.Ok);
        Assert.Contains(": this TensorFlow needs AVX2 and FMA; this CPU has no AVX2 or FMA (/proc/cpuinfo), so `import tensorflow` dies with 'Illegal instruction'. To fix it,", report.Verdict, StringComparison.Ordinal);
        // Sandy Bridge has every x86-64-v2 feature and AVX, but not v3's AVX2, FMA or BMI.
        Assert.Contains("target.cpu: x86-64-v2 (the highest level this CPU has all of", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_x86_64_tensorflow_on_this_machines_cpu_draws_no_complaint()
    {
        var (python, package) = MakeVenvWithTensorflow();
        File.WriteAllBytes(Path.Combine(package, "libtensorflow_framework.so.2"), GccKernels.Build(dir.Path, "plain"));
        var gateway = new ProcessGateway(log);

        var report = await InstalledTensorflowDoctor.InspectAsync(python, new SystemHostProbe(gateway), gateway, log, CancellationToken.None);

        Assert.Single(report.Binaries);
        Assert.True(report.Ok, string.Join("\n", report.Findings));
        Assert.DoesNotContain(report.Findings, f => f.Code is FindingCodes.DoctorCpuLacksFeature or FindingCodes.IsaBaselineAboveCpu);
        Assert.Contains("the native binaries match this Python", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("CPU features (/proc/cpuinfo): ", log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14.5", "this TensorFlow needs AVX; this Python runs under Rosetta, which has no AVX", "which Rosetta 2 does not translate")]
    [InlineData(null, "this TensorFlow needs AVX; this Python runs under Rosetta, which has no AVX", "which Rosetta 2 does not translate")]
    [InlineData("15.1", "this TensorFlow needs AVX; this Python runs under Rosetta 2 on macOS 15.1, which runs AVX and AVX2 without reporting them, so TensorFlow's import check", "which Rosetta 2 on macOS 15.1 runs without reporting it")]
    public void An_avx_tensorflow_under_rosetta_is_said_in_one_line_for_that_macos(string? macos, string diagnosis, string rosetta)
    {
        var facts = new PythonFacts("/usr/local/bin/python3", "3.12.4", "Darwin", "x86_64", Translated: 1, HardwareArm64: 1, "/v/tensorflow", "2.16.1", macos);
        var avx = NativeBinaryScannerTests.Scan(GccKernels.Build(dir.Path, "avx"), 1 << 20, "tensorflow/libtensorflow_framework.so.2")!;

        // Rosetta's CPU, not this machine's: the probe's text is not even consulted.
        var report = InstalledTensorflowDiagnosis.Diagnose(facts, [avx], new HashSet<string> { avx.Path }, HostCpu.Parse(SandyBridge, "x86_64", "/proc/cpuinfo"));

        Assert.Contains(report.Findings, f => f.Code == FindingCodes.DoctorCpuLacksFeature);
        // The Python finding says the same about Rosetta as the CPU check (not "does not translate" where it runs AVX).
        Assert.Contains(rosetta, Assert.Single(report.Findings, f => f.Code == FindingCodes.DoctorPythonUnderRosetta).Message, StringComparison.Ordinal);
        Assert.StartsWith($"/usr/local/bin/python3: {diagnosis}", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("arm64 Python", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_tensorflow_under_rosetta_has_no_cpu_complaint_only_the_rosetta_one()
    {
        var facts = new PythonFacts("/usr/local/bin/python3", "3.12.4", "Darwin", "x86_64", Translated: 1, HardwareArm64: 1, "/v/tensorflow", "2.16.1", "14.5");
        var plain = NativeBinaryScannerTests.Scan(GccKernels.Build(dir.Path, "plain"), 1 << 20, "tensorflow/libtensorflow_framework.so.2")!;

        var report = InstalledTensorflowDiagnosis.Diagnose(facts, [plain], new HashSet<string> { plain.Path });

        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.DoctorCpuLacksFeature);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.DoctorPythonUnderRosetta);
    }

    [Theory]
    [InlineData("/proc/cpuinfo x86", SandyBridge, "x86_64", "cx16 popcnt sse3 sse4.1 sse4.2 ssse3 avx aes pclmul")]
    [InlineData("/proc/cpuinfo arm64", "processor\t: 0\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp\n", "aarch64", "crc lse rdm rcpc fp16 dotprod aes sha2")]
    [InlineData("sysctl Apple M1", "hw.optional.arm.FEAT_LSE: 1\nhw.optional.arm.FEAT_DotProd: 1\nhw.optional.arm.FEAT_BF16: 0\nhw.optional.arm.FEAT_SHA3: 1\nhw.optional.armv8_crc32: 1\nhw.optional.arm64: 1\n", "arm64", "crc lse dotprod sha3")]
    [InlineData("sysctl Intel Mac", "hw.optional.sse4_2: 1\nhw.optional.avx1_0: 1\nhw.optional.avx2_0: 0\nmachdep.cpu.features: FPU SSE3 PCLMULQDQ SSSE3 FMA CX16 SSE4.1 SSE4.2 MOVBE POPCNT AES AVX1.0 F16C\nmachdep.cpu.leaf7_features: BMI1 AVX2 BMI2\nmachdep.cpu.extfeatures: SYSCALL LZCNT\n", "x86_64", "cx16 popcnt sse3 sse4.1 sse4.2 ssse3 avx avx2 bmi1 bmi2 f16c fma lzcnt movbe aes pclmul")]
    public void The_os_feature_text_is_read_in_the_audits_names(string what, string text, string arch, string expected)
    {
        var cpu = HostCpu.Parse(text, arch, what);

        Assert.NotNull(cpu);
        Assert.Equal(expected, string.Join(" ", cpu.Family.Describe(cpu.Features)));
    }

    [Fact]
    public void Text_without_a_feature_line_is_no_cpu_rather_than_a_cpu_with_nothing() =>
        Assert.Null(HostCpu.Parse("model name\t: something\n", "x86_64", "/proc/cpuinfo"));

    private (string Python, string Package) MakeVenvWithTensorflow() => FakeTensorflowVenv.CreateWithTensorflow(dir.Path);

}
