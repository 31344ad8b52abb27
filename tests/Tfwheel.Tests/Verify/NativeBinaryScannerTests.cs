using CsCheck;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

public sealed class NativeBinaryScannerTests
{
    public static TheoryData<string> MachOFixtures => new()
    {
        NpmFixtures.EsbuildDarwinArm64, NpmFixtures.EsbuildDarwinX64, NpmFixtures.RollupDarwinArm64,
        NpmFixtures.RollupDarwinX64, NpmFixtures.Fsevents, NpmFixtures.OnnxDylibArm64, NpmFixtures.OnnxBindingArm64,
    };

    public static TheoryData<string> ElfFixtures => new()
    {
        NpmFixtures.EsbuildLinuxArm64, NpmFixtures.RollupLinuxX64, NpmFixtures.OnnxSoArm64, NpmFixtures.OnnxSoX64, NpmFixtures.OnnxBindingLinuxArm64,
    };

    internal static NativeBinary? Scan(byte[] bytes, int chunkSize, string path = "f")
    {
        var scanner = new NativeBinaryScanner(path, bytes.Length);
        for (var at = 0; at < bytes.Length && scanner.Interested; at += chunkSize)
        {
            scanner.Feed(bytes.AsSpan(at, Math.Min(chunkSize, bytes.Length - at)));
        }

        return scanner.Complete();
    }

    [Theory]
    [MemberData(nameof(MachOFixtures))]
    public void Mach_O_facts_match_llvm_objdump_on_real_binaries(string fixture)
    {
        var expected = LlvmReader.MachO(NpmFixtures.PathOf(fixture));
        var binary = Scan(NpmFixtures.Read(fixture), 1 << 20)!;

        Assert.Empty(binary.Problems);
        Assert.Equal(expected.Select(s => s.Arch), binary.Slices.Select(s => s.Arch));
        foreach (var (want, got) in expected.Zip(binary.Slices))
        {
            Assert.Equal(want.MinOs, got.MinOs?.ToString());
            Assert.Equal(want.Libraries, got.Libraries.Select(l => l.Name));
            Assert.Equal(want.Rpaths, got.Rpaths);
        }
    }

    [Theory]
    [MemberData(nameof(ElfFixtures))]
    public void Elf_facts_match_llvm_readobj_on_real_binaries(string fixture)
    {
        var expected = LlvmReader.Elf(NpmFixtures.PathOf(fixture));
        var binary = Scan(NpmFixtures.Read(fixture), 1 << 20)!;

        Assert.Empty(binary.Problems);
        var slice = Assert.Single(binary.Slices);
        Assert.Equal(expected.Arch, slice.Arch);
        Assert.Equal(expected.Libraries.Order(StringComparer.Ordinal), slice.Libraries.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Rpaths, slice.Rpaths);
        Assert.Equal(expected.MaxGlibc, slice.VersionNeeds.TryGetValue("GLIBC_", out var g) ? g.ToString() : null);
        Assert.Equal(expected.MaxGlibcxx, slice.VersionNeeds.TryGetValue("GLIBCXX_", out var x) ? x.ToString() : null);
    }

    [Fact]
    public void The_facts_file_values_hold_for_fsevents_and_onnxruntime()
    {
        var fsevents = Scan(NpmFixtures.Read(NpmFixtures.Fsevents), 1 << 20)!;
        Assert.Equal(NativeBinary.MachOFat, fsevents.Format);
        Assert.Equal(["x86_64", "arm64"], fsevents.Archs);
        Assert.Equal("x86_64 10.15, arm64 11.0", fsevents.MinOs);

        var onnx = Scan(NpmFixtures.Read(NpmFixtures.OnnxSoArm64), 1 << 20)!;
        Assert.Equal(new Version(2, 28), onnx.Slices[0].VersionNeeds["GLIBC_"]);
        Assert.Equal(["$ORIGIN"], onnx.Rpaths);
        Assert.Equal("libonnxruntime.so.1", onnx.Slices[0].InstallName);

        var rollup = Scan(NpmFixtures.Read(NpmFixtures.RollupDarwinX64), 1 << 20)!;
        Assert.Equal(new Version(10, 13), rollup.Slices[0].MinOs);
    }

    [Fact]
    public void Chunk_boundaries_do_not_change_what_is_read()
    {
        // The reader sees whatever chunk sizes the decompressor hands out; any split must give the same facts.
        var files = new[] { NpmFixtures.Fsevents, NpmFixtures.RollupLinuxX64, NpmFixtures.RollupDarwinArm64 }.Select(NpmFixtures.Read).ToList();
        var reference = files.Select(f => Describe(Scan(f, f.Length))).ToList();
        Gen.Int[1, 70_000].Sample(chunk =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                Assert.Equal(reference[i], Describe(Scan(files[i], chunk)));
            }
        }, iter: 40);
    }

    [Fact]
    public void A_small_shared_library_built_here_reads_like_llvm_readobj_says()
    {
        // In a small library the version tables sit just before the dynamic section: the reader must not
        // ask for bytes beyond what it kept of the file's start.
        using var dir = new Support.TempDirectory();
        var source = dir.Combine("t.c");
        var library = dir.Combine("libt.so");
        File.WriteAllText(source, "#include <stdio.h>\n#include <math.h>\nint f(double x) { printf(\"%f\", sqrt(x)); return 0; }\n");
        var gcc = System.Diagnostics.Process.Start(Support.RequiredTool.Find("gcc", "apt-get install gcc libc6-dev"), ["-shared", "-fPIC", "-o", library, source, "-lm", "-Wl,-rpath,$ORIGIN/../lib"])!;
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, "gcc failed; install gcc (see .ci/run)");

        var expected = LlvmReader.Elf(library);
        var binary = Scan(File.ReadAllBytes(library), 4096)!;

        Assert.Empty(binary.Problems);
        Assert.Equal(expected.Libraries.Order(StringComparer.Ordinal), binary.Libraries.Order(StringComparer.Ordinal));
        Assert.Equal(["$ORIGIN/../lib"], binary.Rpaths);
        Assert.Equal(expected.MaxGlibc, binary.Slices[0].VersionNeeds["GLIBC_"].ToString());
    }

    [Fact]
    public void An_arm64e_subtype_is_read_as_arm64e_and_llvm_agrees()
    {
        using var dir = new Support.TempDirectory();
        var patched = MachOPatch.WithCpuSubtype(NpmFixtures.Read(NpmFixtures.RollupDarwinArm64), 0x80000002);
        var path = dir.Combine("arm64e.node");
        File.WriteAllBytes(path, patched);

        Assert.Equal("arm64e", Assert.Single(LlvmReader.MachO(path)).Arch);
        Assert.Equal(["arm64e"], Scan(patched, 4096)!.Archs);
    }

    [Fact]
    public void A_file_that_is_not_a_binary_is_dismissed_after_its_magic()
    {
        var scanner = new NativeBinaryScanner("x.py", 100);
        scanner.Feed("import os\n"u8);
        Assert.False(scanner.Interested);
        Assert.Null(scanner.Complete());
    }

    private static string Describe(NativeBinary? b) =>
        b is null ? "null" : $"{b.Format}|{string.Join(",", b.Archs)}|{b.MinOs}|{string.Join(",", b.Libraries)}|{string.Join(",", b.Rpaths)}|{string.Join(",", b.Problems)}";
}
