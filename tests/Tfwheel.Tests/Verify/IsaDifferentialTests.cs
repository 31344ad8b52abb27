using System.Text.RegularExpressions;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// The audit's per-feature instruction counts on real npm binaries (x86-64 and arm64, Mach-O and ELF)
/// against counts of the same instructions in llvm-objdump-15's disassembly, by mnemonic. Only features
/// whose instructions llvm names unambiguously are compared; SVE/SME, which have no such list, are
/// compared instruction by instruction over a window of SVE kernels.
/// </summary>
public sealed partial class IsaDifferentialTests
{
    private static readonly Dictionary<string, Regex> X86 = new()
    {
        ["popcnt"] = new("^popcnt$"),
        ["bmi1"] = new("^(andn|bextr|blsi|blsmsk|blsr)$"),
        ["bmi2"] = new("^(bzhi|mulx|pdep|pext|rorx|sarx|shlx|shrx)$"),
        ["sha"] = new("^sha(1rnds4|1nexte|1msg1|1msg2|256rnds2|256msg1|256msg2)$"),
        ["aes"] = new("^aes(enc|enclast|dec|declast|imc|keygenassist)$"),
        ["lzcnt"] = new("^lzcnt$"),
        ["movbe"] = new("^movbe$"),
    };

    private static readonly Dictionary<string, Regex> Arm64 = new()
    {
        ["lse"] = new("^(cas|casp|ldadd|ldclr|ldeor|ldset|ldsmax|ldsmin|ldumax|ldumin|swp|stadd|stclr|steor|stset|stsmax|stsmin|stumax|stumin)(a|l|al)?(b|h)?$"),
        ["crc"] = new("^crc32c?[bhwx]$"),
        ["rcpc"] = new("^ldapr[bh]?$"),
        ["aes"] = new("^(aese|aesd|aesmc|aesimc)$"),
        ["sha2"] = new("^sha(1c|1p|1m|1su0|1su1|1h|256h|256h2|256su0|256su1)$"),
        ["sha3"] = new("^(sha512h|sha512h2|sha512su0|sha512su1|eor3|bcax|rax1|xar)$"),
    };

    [Theory]
    [InlineData("esbuild__darwin-x64/package/bin/esbuild")]
    [InlineData("onnxruntime-node/package/bin/napi-v6/linux/x64/libonnxruntime.so.1")]
    [InlineData("rollup__rollup-darwin-arm64/package/rollup.darwin-arm64.node")]
    [InlineData("esbuild__linux-arm64/package/bin/esbuild")]
    public async Task Feature_counts_match_llvm_objdump(string fixture)
    {
        var path = NpmFixtures.PathOf(fixture);
        var isa = Assert.Single((await NativeFileReader.ReadAsync(path, fixture, CancellationToken.None))!.Slices).Isa!;
        var x86 = isa.Family == IsaFeatures.X86.Family;
        var classes = x86 ? X86 : Arm64;
        var llvm = classes.Keys.ToDictionary(k => k, _ => 0L);
        string[] options = x86 ? ["--x86-asm-syntax=intel"] : [LlvmDisassembly.Arm64Attributes];
        LlvmDisassembly.Each(path, line =>
        {
            var mnemonic = x86 ? line.Mnemonic : line.Mnemonic.Split('.')[0]; // Apple syntax: eor3.16b
            foreach (var (feature, pattern) in classes)
            {
                llvm[feature] += pattern.IsMatch(mnemonic) ? 1 : 0;
            }

            if (!x86 && mnemonic is "pmull" or "pmull2" && line.Operands.Contains(".1q", StringComparison.Ordinal))
            {
                llvm["aes"]++;
            }
        }, options);

        // Features seen in fewer than the block-mode noise floor drop out of a report without symbols.
        var ours = classes.Keys.ToDictionary(k => k, k => isa.Features.FirstOrDefault(f => f.Name == k)?.Instructions ?? 0);
        var compared = llvm.Where(p => p.Value >= DispatchRule.NoiseFloor || ours[p.Key] > 0).ToDictionary();
        Assert.NotEmpty(compared);
        Assert.Equal(compared, compared.ToDictionary(p => p.Key, p => ours[p.Key]));
    }

    [Fact]
    public async Task Sve_and_sme_instructions_are_classified_as_llvm_decodes_them_in_onnxruntime_kernels()
    {
        const string Fixture = "onnxruntime-node/package/bin/napi-v6/linux/arm64/libonnxruntime.so.1";
        var path = NpmFixtures.PathOf(Fixture);
        var isa = Assert.Single((await NativeFileReader.ReadAsync(path, Fixture, CancellationToken.None))!.Slices).Isa!;
        var sve = Assert.Single(isa.Features, f => f.Name == "sve");
        var first = Convert.ToUInt64(sve.Examples[0].Replace("sub_", "", StringComparison.Ordinal), 16);
        var scalable = IsaFeatures.Arm64.Mask(["sve", "sme"]);

        var mismatches = new List<string>();
        var (seen, agreed) = (0, 0);
        LlvmDisassembly.Each(path, line =>
        {
            var word = Convert.ToUInt32(line.Encoding, 16);
            var ours = (A64Classifier.Classify(word) & scalable) != 0;
            var theirs = ScalableOperand().IsMatch(line.Operands) || ScalableMnemonic().IsMatch(line.Mnemonic);
            seen++;
            agreed += ours && theirs ? 1 : 0;
            if (ours != theirs && mismatches.Count < 10)
            {
                mismatches.Add($"{line.Address:x}: {line.Encoding} {line.Mnemonic} {line.Operands} (ours {ours}, llvm {theirs})");
            }
        }, LlvmDisassembly.Arm64Attributes, $"--start-address=0x{first:x}", $"--stop-address=0x{first + 0x10000:x}");

        Assert.True(agreed > 100, $"only {agreed} SVE/SME instructions among {seen} in the window at 0x{first:x}");
        Assert.Empty(mismatches);
    }

    /// <summary>A Z or P register, ZA, or a predicate-as-counter PN register: SVE or SME operands.</summary>
    [GeneratedRegex(@"(^|[\s{,\[])(z\d+|p\d+|pn\d+|za\d*[hv]?)(\.|/|\b)")]
    private static partial Regex ScalableOperand();

    /// <summary>SVE/SME instructions whose operands are only general registers or immediates.</summary>
    [GeneratedRegex(@"^(rdvl|addvl|addpl|rdsvl|addsvl|addspl|cnt[bhwd]|inc[bhwd]|dec[bhwd]|sq(inc|dec)[bhwd]|uq(inc|dec)[bhwd]|setffr|ctermeq|ctermne|smstart|smstop|zero)$")]
    private static partial Regex ScalableMnemonic();
}
