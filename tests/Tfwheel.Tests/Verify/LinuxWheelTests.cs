using Tfwheel.Tests.Support;
using Tfwheel.Verify;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Verify;

/// <summary>Linux wheels from real ELF binaries: machine, glibc and libstdc++ needs vs the manylinux tag, bundling.</summary>
public sealed class LinuxWheelTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Linux_binaries_are_checked_for_machine_and_glibc_against_the_manylinux_tag()
    {
        var old = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_17_aarch64.whl").WithFixture("t/libonnxruntime.so.1", NpmFixtures.OnnxSoArm64));
        var current = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_28_aarch64.whl").WithFixture("t/libonnxruntime.so.1", NpmFixtures.OnnxSoArm64));
        var wrongArch = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_28_x86_64.whl").WithFixture("t/libonnxruntime.so.1", NpmFixtures.OnnxSoArm64));
        var macInLinux = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_28_x86_64.whl").WithFixture("t/x.so", NpmFixtures.RollupDarwinX64));

        Assert.Contains(old.Findings, f => f.Code == FindingCodes.GlibcAboveTag && f.Message.Contains("GLIBC_2.28", StringComparison.Ordinal));
        Assert.Contains(old.Findings, f => f.Code == FindingCodes.GlibcxxAboveTag && f.Message.Contains("GLIBCXX_3.4.22", StringComparison.Ordinal));
        Assert.True(current.Ok, string.Join("\n", current.Findings));
        Assert.Contains(wrongArch.Findings, f => f.Code == FindingCodes.ArchMissing);
        Assert.Contains(macInLinux.Findings, f => f.Code == FindingCodes.ArchWrongFormat);
    }

    [Fact]
    public async Task A_linux_dependency_that_is_neither_bundled_nor_a_system_library_is_a_warning()
    {
        var alone = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_28_aarch64.whl").WithFixture("t/binding.so", NpmFixtures.OnnxBindingLinuxArm64));
        var bundled = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_28_aarch64.whl")
            .WithFixture("t/binding.so", NpmFixtures.OnnxBindingLinuxArm64)
            .WithFixture("t/libonnxruntime.so.1", NpmFixtures.OnnxSoArm64));

        var finding = Assert.Single(alone.Findings, f => f.Code != FindingCodes.IsaDispatched);
        Assert.Equal((FindingCodes.LinkNotBundled, Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("libonnxruntime.so.1", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bundled.Findings, f => f.Code != FindingCodes.IsaDispatched);
    }

    private async Task<VerifyReport> Verify(TestWheel wheel, Func<VerifyRequirements, VerifyRequirements>? adjust = null)
    {
        var path = wheel.Write(Directory.CreateDirectory(dir.Combine(Guid.NewGuid().ToString("N"))).FullName);
        var requirements = VerifyRequirements.FromWheelFileName(path);
        return await WheelVerifier.VerifyAsync(path, adjust?.Invoke(requirements) ?? requirements, CancellationToken.None);
    }
}
