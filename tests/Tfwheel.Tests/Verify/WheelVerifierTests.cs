using Tfwheel.Tests.Support;
using Tfwheel.Verify;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Verify;

/// <summary>Real wheels (zip, RECORD) packed from real npm binaries, checked end to end.</summary>
public sealed class WheelVerifierTests : IDisposable
{
    private const string MacArm64 = "tensorflow-2.20.0-cp312-cp312-macosx_12_0_arm64.whl";
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task A_clean_arm64_wheel_passes_and_reports_each_binary()
    {
        var report = await Verify(new TestWheel("tensorflow-2.20.0-cp312-cp312-macosx_14_0_arm64.whl")
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinArm64)
            .WithFixture("tensorflow/python/onnxruntime_binding.so", NpmFixtures.OnnxBindingArm64)
            .WithFixture("tensorflow/python/libonnxruntime.1.dylib", NpmFixtures.OnnxDylibArm64)
            .With("tensorflow/__init__.py", "import os\n"u8.ToArray()));

        Assert.True(report.Ok, string.Join("\n", report.Findings));
        Assert.Equal(3, report.Binaries.Count);
        Assert.All(report.Binaries, b => Assert.Equal(["arm64"], b.Archs));
        var binding = report.Binaries.Single(b => b.Path.EndsWith("onnxruntime_binding.so", StringComparison.Ordinal));
        Assert.Contains("@rpath/libonnxruntime.1.dylib", binding.Libraries);
        Assert.Equal(["@loader_path"], binding.Rpaths);
    }

    [Fact]
    public async Task An_x86_64_binary_in_an_arm64_wheel_is_reported_as_the_rosetta_illegal_instruction_failure()
    {
        var report = await Verify(new TestWheel(MacArm64)
            .WithFixture("tensorflow/python/_pywrap_tensorflow_internal.so", NpmFixtures.RollupDarwinX64)
            .WithFixture("tensorflow/python/ok.so", NpmFixtures.RollupDarwinArm64));

        Assert.False(report.Ok);
        var seed = Assert.Single(report.Findings, f => f.Code == FindingCodes.SeedX86InArm64);
        Assert.Equal("tensorflow/python/_pywrap_tensorflow_internal.so", seed.Path);
        Assert.Contains("Illegal instruction", seed.Message, StringComparison.Ordinal);
        Assert.Contains("Rosetta", seed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_universal2_binary_fails_unless_universal_is_allowed()
    {
        var wheel = new TestWheel(MacArm64).WithFixture("fsevents.so", NpmFixtures.Fsevents);
        var strict = await Verify(wheel);
        var allowed = await Verify(wheel, r => r with { AllowUniversal = true });

        Assert.Contains(strict.Findings, f => f.Code == FindingCodes.ArchUniversal && f.Severity == Severity.Error);
        Assert.True(allowed.Ok, string.Join("\n", allowed.Findings));
    }

    [Fact]
    public async Task A_universal2_wheel_name_allows_fat_binaries_and_requires_both_slices()
    {
        var fat = await Verify(new TestWheel("fsevents-2.3.3-cp312-cp312-macosx_11_0_universal2.whl").WithFixture("fsevents.so", NpmFixtures.Fsevents));
        var thin = await Verify(new TestWheel("fsevents-2.3.3-cp312-cp312-macosx_11_0_universal2.whl").WithFixture("a.so", NpmFixtures.RollupDarwinArm64));

        Assert.True(fat.Ok, string.Join("\n", fat.Findings));
        Assert.Contains(thin.Findings, f => f.Code == FindingCodes.ArchMissing && f.Message.Contains("x86_64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_arm64e_binary_is_not_accepted_as_arm64()
    {
        var arm64e = MachOPatch.WithCpuSubtype(NpmFixtures.Read(NpmFixtures.RollupDarwinArm64), 0x80000002);
        var report = await Verify(new TestWheel(MacArm64).With("tensorflow/a.so", arm64e));

        Assert.Equal(FindingCodes.ArchArm64e, Assert.Single(report.Findings, f => f.Severity == Severity.Error).Code);
    }

    [Fact]
    public async Task A_minimum_macos_above_the_tag_is_an_error_for_both_version_commands()
    {
        // rollup x64 has LC_VERSION_MIN_MACOSX 10.13; onnxruntime arm64 has LC_BUILD_VERSION minos 14.0.
        var x64 = await Verify(new TestWheel("t-1.0-cp312-cp312-macosx_10_9_x86_64.whl").WithFixture("t/r.so", NpmFixtures.RollupDarwinX64));
        var arm = await Verify(new TestWheel(MacArm64).WithFixture("t/libonnxruntime.1.dylib", NpmFixtures.OnnxDylibArm64));

        Assert.Contains(x64.Findings, f => f.Code == FindingCodes.MinOsAboveTag && f.Message.Contains("needs macOS 10.13", StringComparison.Ordinal));
        Assert.Contains(arm.Findings, f => f.Code == FindingCodes.MinOsAboveTag && f.Message.Contains("macosx_14_0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_rpath_dependency_missing_from_the_wheel_is_unresolved()
    {
        var report = await Verify(new TestWheel(MacArm64).WithFixture("tensorflow/binding.so", NpmFixtures.OnnxBindingArm64));

        var finding = Assert.Single(report.Findings, f => f.Code == FindingCodes.LinkUnresolved);
        Assert.Contains("@rpath/libonnxruntime.1.dylib", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accelerate_is_required_when_the_recipe_asks_for_it()
    {
        var report = await Verify(new TestWheel(MacArm64).WithFixture("a.so", NpmFixtures.RollupDarwinArm64), r => r with { RequireFrameworks = ["Accelerate"] });

        Assert.Equal(FindingCodes.LinkFrameworkMissing, Assert.Single(report.Findings).Code);
    }

    [Fact]
    public async Task A_changed_file_fails_its_record_hash_and_size()
    {
        var report = await Verify(new TestWheel(MacArm64)
            .With("tensorflow/__init__.py", "import os\n"u8.ToArray())
            .With("tensorflow/x.py", "x = 1\n"u8.ToArray()) with
        {
            EditRecord = r => r.Replace("tensorflow/__init__.py,sha256=", "tensorflow/__init__.py,sha256=AAAA", StringComparison.Ordinal)
                .Replace("tensorflow/x.py,sha256=", "tensorflow/x.py,md5=", StringComparison.Ordinal),
        });

        Assert.Contains(report.Findings, f => f.Code == FindingCodes.RecordHashMismatch && f.Path == "tensorflow/__init__.py");
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.RecordWeakHash && f.Path == "tensorflow/x.py");
    }

    [Fact]
    public async Task Unsafe_names_duplicates_symlinks_and_unlisted_files_are_reported()
    {
        var report = await Verify(new TestWheel(MacArm64) with
        {
            Unrecorded = [("../../etc/evil.py", [1]), ("/abs.py", [2]), ("tensorflow-2.20.0.dist-info/METADATA", [3])],
            Symlinks = [("tensorflow/link.so", "/usr/lib/libz.dylib")],
        });

        var codes = report.Findings.Select(f => f.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { FindingCodes.ZipParentTraversal, FindingCodes.ZipAbsolutePath, FindingCodes.ZipDuplicateName, FindingCodes.ZipSymlink, FindingCodes.RecordUnlisted }, codes);
    }

    [Fact]
    public async Task Missing_record_and_mismatched_wheel_tags_are_errors()
    {
        var report = await Verify(new TestWheel(MacArm64) { WriteRecord = false, WheelTags = ["cp311-cp311-macosx_12_0_arm64"], RootIsPurelib = "true" });

        Assert.Contains(report.Findings, f => f.Code == FindingCodes.RecordMissing);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.WheelTagMismatch);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.WheelPurelib);
    }

    [Fact]
    public async Task A_corrupt_or_cut_zip_is_a_finding_not_a_crash()
    {
        var good = new TestWheel(MacArm64).WithFixture("a.so", NpmFixtures.RollupDarwinArm64).Write(dir.Path);
        var bytes = await File.ReadAllBytesAsync(good);
        var garbage = dir.Combine("garbage", MacArm64);
        Directory.CreateDirectory(Path.GetDirectoryName(garbage)!);
        await File.WriteAllBytesAsync(garbage, "not a zip at all"u8.ToArray());
        var flipped = dir.Combine("flipped", MacArm64);
        Directory.CreateDirectory(Path.GetDirectoryName(flipped)!);
        bytes[bytes.Length / 3] ^= 0xFF;
        await File.WriteAllBytesAsync(flipped, bytes);

        var a = await WheelVerifier.VerifyAsync(garbage, VerifyRequirements.FromWheelFileName(garbage), CancellationToken.None);
        var b = await WheelVerifier.VerifyAsync(flipped, VerifyRequirements.FromWheelFileName(flipped), CancellationToken.None);

        Assert.Contains(a.Findings, f => f.Code == FindingCodes.ZipCorrupt);
        Assert.False(b.Ok);
    }

    [Fact]
    public async Task A_pure_wheel_with_a_native_binary_fails()
    {
        var report = await Verify(new TestWheel("t-1.0-py3-none-any.whl") { RootIsPurelib = "true" }.WithFixture("t/a.so", NpmFixtures.RollupDarwinArm64));

        Assert.Equal(FindingCodes.WheelBinaryInPure, Assert.Single(report.Findings).Code);
    }

    [Fact]
    public async Task A_wheel_over_the_size_limit_fails()
    {
        var report = await Verify(new TestWheel(MacArm64).WithFixture("a.so", NpmFixtures.RollupDarwinArm64), r => r with { MaxSizeMb = 0 });

        Assert.Equal(FindingCodes.WheelSize, Assert.Single(report.Findings).Code);
    }

    private async Task<VerifyReport> Verify(TestWheel wheel, Func<VerifyRequirements, VerifyRequirements>? adjust = null)
    {
        var path = wheel.Write(Directory.CreateDirectory(dir.Combine(Guid.NewGuid().ToString("N"))).FullName);
        var requirements = VerifyRequirements.FromWheelFileName(path);
        return await WheelVerifier.VerifyAsync(path, adjust?.Invoke(requirements) ?? requirements, CancellationToken.None);
    }
}
