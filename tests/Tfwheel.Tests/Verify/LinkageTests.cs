using System.Text;
using Tfwheel.Tests.Support;
using Tfwheel.Verify;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Verify;

/// <summary>Link rules on built Mach-O files (cross-checked with llvm-objdump) and a patched real ELF.</summary>
public sealed class LinkageTests : IDisposable
{
    private const string Wheel = "tensorflow-2.20.0-cp312-cp312-macosx_14_0_arm64.whl";
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void The_built_mach_o_reads_the_same_in_llvm_objdump()
    {
        var bytes = Typical().Rpath("/opt/homebrew/lib").Build();
        var path = dir.Combine("built.so");
        File.WriteAllBytes(path, bytes);

        var llvm = Assert.Single(LlvmReader.MachO(path));
        var ours = Assert.Single(NativeBinaryScannerTests.Scan(bytes, 7)!.Slices);
        Assert.Equal((llvm.Arch, llvm.MinOs), (ours.Arch, ours.MinOs?.ToString()));
        Assert.Equal(llvm.Libraries, ours.Libraries.Select(l => l.Name));
        Assert.Equal(llvm.Rpaths, ours.Rpaths);
    }

    [Fact]
    public async Task Build_machine_paths_libpython_and_absolute_rpaths_are_errors()
    {
        var binary = Typical()
            .Dylib("/opt/homebrew/opt/openblas/lib/libopenblas.0.dylib")
            .Dylib("/Library/Frameworks/Python.framework/Versions/3.12/Python")
            .Rpath("/usr/local/lib")
            .Build();

        var report = await Verify(new TestWheel(Wheel).With("tensorflow/python/_pywrap.so", binary));

        var codes = report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code).Order().ToList();
        Assert.Equal([FindingCodes.LinkForbiddenPath, FindingCodes.LinkLibpython, FindingCodes.LinkRpath], codes);
    }

    [Fact]
    public async Task Rpath_and_loader_path_references_resolve_inside_the_wheel()
    {
        var binding = Typical()
            .Dylib("@rpath/libtensorflow_framework.2.dylib")
            .Dylib("@loader_path/../libs/libomp.dylib")
            .Rpath("@loader_path/..")
            .Build();
        var framework = Typical().Build();

        var resolved = await Verify(new TestWheel(Wheel)
            .With("tensorflow/python/_pywrap.so", binding)
            .With("tensorflow/libtensorflow_framework.2.dylib", framework)
            .With("tensorflow/libs/libomp.dylib", framework));
        var broken = await Verify(new TestWheel(Wheel).With("tensorflow/python/_pywrap.so", binding));

        Assert.True(resolved.Ok, string.Join("\n", resolved.Findings));
        Assert.Equal(2, broken.Findings.Count(f => f.Code == FindingCodes.LinkUnresolved));
    }

    [Fact]
    public async Task Accelerate_linked_weakly_satisfies_the_requirement_and_newlapack_needs_macos_14()
    {
        var binary = new MachOBuilder().BuildVersion(1, 13, 0).Signed()
            .Dylib("/System/Library/Frameworks/Accelerate.framework/Versions/A/Accelerate", cmd: 0x80000018)
            .Symbol("_cblas_sgemm$NEWLAPACK$ILP64")
            .Build();

        var old = await Verify(new TestWheel("tensorflow-2.20.0-cp312-cp312-macosx_13_0_arm64.whl").With("t/a.so", binary), r => r with { RequireFrameworks = ["Accelerate"] });

        Assert.Equal([FindingCodes.MinOsNewLapack], old.Findings.Select(f => f.Code));
        Assert.True(NativeBinaryScannerTests.Scan(binary, 5)!.Slices[0].UsesNewLapack);
    }

    [Fact]
    public async Task An_ios_binary_or_one_without_a_version_command_is_reported()
    {
        var ios = new MachOBuilder().BuildVersion(2, 14, 0).Signed().Build();
        var unversioned = new MachOBuilder().Signed().Build();

        var report = await Verify(new TestWheel(Wheel).With("t/ios.so", ios).With("t/none.so", unversioned));

        Assert.Contains(report.Findings, f => f is { Code: FindingCodes.MinOsNotMacos, Path: "t/ios.so", Severity: Severity.Error });
        Assert.Contains(report.Findings, f => f is { Code: FindingCodes.MinOsMissing, Path: "t/none.so", Severity: Severity.Warning });
    }

    [Fact]
    public async Task An_unsigned_arm64_image_is_an_error_an_unsigned_x86_64_one_is_not()
    {
        var arm64 = new MachOBuilder().BuildVersion(1, 12, 0).Build();
        var x64 = new MachOBuilder(cpuType: 0x01000007, cpuSubtype: 3).BuildVersion(1, 12, 0).Build();

        var report = await Verify(new TestWheel("t-1.0-cp312-cp312-macosx_12_0_universal2.whl").With("t/arm.so", arm64).With("t/x.so", x64), r => r with { Archs = [] });

        var finding = Assert.Single(report.Findings, f => f.Code != FindingCodes.IsaDispatched);
        Assert.Equal((FindingCodes.Arm64Unsigned, "t/arm.so"), (finding.Code, finding.Path));
    }

    [Fact]
    public async Task An_elf_runpath_outside_origin_is_an_error_and_llvm_reads_the_same_path()
    {
        // Same length as "$ORIGIN", so the real file's layout is untouched.
        var bytes = NpmFixtures.Read(NpmFixtures.OnnxSoArm64);
        var at = bytes.AsSpan().IndexOf("$ORIGIN\0"u8);
        Encoding.ASCII.GetBytes("/opt/ab").CopyTo(bytes, at);
        var path = dir.Combine("patched.so");
        await File.WriteAllBytesAsync(path, bytes);
        Assert.Equal(["/opt/ab"], LlvmReader.Elf(path).Rpaths);

        var report = await Verify(new TestWheel("t-1.0-cp312-cp312-manylinux_2_28_aarch64.whl").With("t/libonnxruntime.so.1", bytes));

        Assert.Equal(FindingCodes.LinkRpath, Assert.Single(report.Findings, f => f.Code != FindingCodes.IsaDispatched).Code);
    }

    private static MachOBuilder Typical() =>
        new MachOBuilder().BuildVersion(1, 12, 0).Signed().Dylib("/usr/lib/libSystem.B.dylib").Dylib("/usr/lib/libc++.1.dylib");

    private async Task<VerifyReport> Verify(TestWheel wheel, Func<VerifyRequirements, VerifyRequirements>? adjust = null)
    {
        var path = wheel.Write(Directory.CreateDirectory(dir.Combine(Guid.NewGuid().ToString("N"))).FullName);
        var requirements = VerifyRequirements.FromWheelFileName(path);
        return await WheelVerifier.VerifyAsync(path, adjust?.Invoke(requirements) ?? requirements, CancellationToken.None);
    }
}
