using Tfwheel.Tests.Support;
using Tfwheel.Verify;
using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Tests.Verify;

/// <summary>The instruction-set audit through Verify, on wheels holding libraries gcc built here.</summary>
public sealed class IsaAuditTests : IDisposable
{
    private const string Wheel = "k-1.0-cp312-cp312-manylinux_2_17_x86_64.whl";
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_library_compiled_with_avx2_everywhere_fails_on_x86_64_naming_the_feature_and_a_function(bool stripped)
    {
        var report = await Verify(GccKernels.Build(dir.Path, "avx2", stripped));

        var isa = Isa(report);
        Assert.Contains("avx2", isa.BaselineFeatures);
        Assert.Contains("fma", isa.BaselineFeatures);
        Assert.Empty(isa.DispatchedFeatures);
        var error = Assert.Single(report.Findings, f => f.Code == FindingCodes.IsaBaselineAboveCpu);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("AVX2", error.Message, StringComparison.Ordinal);
        Assert.Contains("x86-64", error.Message, StringComparison.Ordinal);
        Assert.Contains("k/libk.so", error.Path, StringComparison.Ordinal);
        if (!stripped)
        {
            Assert.Matches("e\\.g\\. [^)]*(axpy|dot|add)", error.Message);
        }

        Assert.False(report.Ok);
    }

    [Fact]
    public async Task The_same_avx2_library_passes_when_the_cpu_is_x86_64_v3_and_fails_for_v2()
    {
        var library = GccKernels.Build(dir.Path, "avx2");

        var v3 = await Verify(library, r => r.WithOverrides(cpus: ["x86-64-v3"]));
        var v2 = await Verify(library, r => r.WithOverrides(cpus: ["x86-64-v2"]));

        Assert.DoesNotContain(v3.Findings, f => f.Code.StartsWith("isa.", StringComparison.Ordinal));
        Assert.True(v3.Ok, string.Join("\n", v3.Findings));
        Assert.Contains(v2.Findings, f => f.Code == FindingCodes.IsaBaselineAboveCpu && f.Message.Contains("x86-64-v2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_avx2_function_chosen_by_cpu_supports_is_dispatched_an_info_not_an_error(bool stripped)
    {
        var report = await Verify(GccKernels.Build(dir.Path, "dispatched", stripped));

        var isa = Isa(report);
        Assert.Contains("avx2", isa.DispatchedFeatures);
        Assert.Empty(isa.BaselineFeatures);
        Assert.NotNull(isa.CpuCheck);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IsaBaselineAboveCpu);
        var info = Assert.Single(report.Findings, f => f.Code == FindingCodes.IsaDispatched);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Contains("AVX2", info.Message, StringComparison.Ordinal);
        if (!stripped)
        {
            Assert.Contains("add_avx2", info.Message, StringComparison.Ordinal);
        }

        Assert.True(report.Ok, string.Join("\n", report.Findings));
    }

    [Fact]
    public async Task The_same_kernels_for_plain_x86_64_need_nothing()
    {
        var report = await Verify(GccKernels.Build(dir.Path, "plain"));

        var isa = Isa(report);
        Assert.Empty(isa.BaselineFeatures);
        Assert.Empty(isa.DispatchedFeatures);
        Assert.True(isa.Instructions > 50, $"only {isa.Instructions} instructions decoded");
        Assert.DoesNotContain(report.Findings, f => f.Code.StartsWith("isa.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_json_lists_baseline_and_dispatched_features_per_binary()
    {
        var wheel = new TestWheel(Wheel).With("k/libavx2.so", GccKernels.Build(dir.Path, "avx2")).With("k/libdispatched.so", GccKernels.Build(dir.Path, "dispatched"));
        var path = wheel.Write(dir.Path);
        var report = await WheelVerifier.VerifyAsync(path, VerifyRequirements.FromWheelFileName(path), CancellationToken.None);

        using var json = System.Text.Json.JsonDocument.Parse(VerifyReportWriter.ToJson(report));
        var binaries = json.RootElement.GetProperty("binaries").EnumerateArray().ToDictionary(b => b.GetProperty("path").GetString()!);
        Assert.Contains("avx2", binaries["k/libavx2.so"].GetProperty("baselineFeatures").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("avx2", binaries["k/libdispatched.so"].GetProperty("dispatchedFeatures").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(binaries["k/libdispatched.so"].GetProperty("baselineFeatures").EnumerateArray());
    }

    [Fact]
    public void Unknown_cpu_names_and_features_are_usage_errors_that_list_the_known_ones()
    {
        var name = Assert.Throws<Tfwheel.Errors.UsageException>(() => CpuTargets.Parse("pentium4"));
        var feature = Assert.Throws<Tfwheel.Errors.UsageException>(() => CpuTargets.Parse("armv8.2-a+avx2"));

        Assert.Contains("x86-64-v3", name.Message, StringComparison.Ordinal);
        Assert.Contains("dotprod", feature.Message, StringComparison.Ordinal);
        Assert.True(CpuTargets.Parse("armv8.2-a+dotprod+crypto").Has("aes"));
        Assert.False(CpuTargets.Parse("apple-m1").Has("bf16"));
        Assert.True(CpuTargets.Parse("apple-m2").Has("i8mm"));
    }

    [Theory]
    [InlineData("x86-64-v4", "x86-64-v4")]
    [InlineData("x86-64-v3", "x86-64-v3")]
    [InlineData("x86-64-v3-avx2", "x86-64-v2")]
    [InlineData("x86-64", "x86-64")]
    [InlineData("apple-m1", "armv8.4-a")]
    [InlineData("apple-m2", "armv8.6-a")]
    [InlineData("armv8-a", "armv8-a")]
    public void The_highest_level_a_cpu_has_all_of_is_named(string cpu, string highest)
    {
        // "x86-64-v3-avx2": a v3 CPU without AVX2 (the features of v3 but one).
        var target = cpu.EndsWith("-avx2", StringComparison.Ordinal) ? CpuTargets.Parse(cpu[..^5]) : CpuTargets.Parse(cpu);
        var features = cpu.EndsWith("-avx2", StringComparison.Ordinal) ? target.Features & ~target.Family.Bit("avx2") : target.Features;

        Assert.Equal(highest, CpuTargets.Highest(target.Family, features));
    }

    private static IsaUsage Isa(VerifyReport report) => Assert.Single(Assert.Single(report.Binaries).Slices).Isa!;

    private async Task<VerifyReport> Verify(byte[] library, Func<VerifyRequirements, VerifyRequirements>? adjust = null)
    {
        var target = Directory.CreateDirectory(Path.Combine(dir.Path, Guid.NewGuid().ToString("N"))).FullName;
        var path = new TestWheel(Wheel).With("k/libk.so", library).Write(target);
        var requirements = VerifyRequirements.FromWheelFileName(path);
        return await WheelVerifier.VerifyAsync(path, adjust?.Invoke(requirements) ?? requirements, CancellationToken.None);
    }
}
