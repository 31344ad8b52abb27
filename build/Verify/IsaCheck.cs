using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// Holds each audited image to its cpu (<see cref="CpuTargets.For"/>): baseline use of a feature the cpu
/// lacks is an error (the process dies with SIGILL, "Illegal instruction", when that code runs); dispatched
/// use of such a feature is an info finding (it runs only where the CPU has it).
/// </summary>
public static class IsaCheck
{
    public const int MaxListed = 5;

    public static IEnumerable<Finding> Check(NativeBinary binary, VerifyRequirements requirements)
    {
        foreach (var slice in binary.Slices)
        {
            if (slice.Isa is not { } isa || CpuTargets.For(requirements.Cpus, binary.IsMachO ? "macos" : "linux", slice.Arch) is not { } cpu)
            {
                continue;
            }

            var missing = isa.Features.Where(f => !cpu.Has(f.Name)).ToList();
            var baseline = missing.Where(f => f.Baseline).ToList();
            if (baseline.Count > 0)
            {
                var first = baseline[0];
                yield return Finding.Error(FindingCodes.IsaBaselineAboveCpu, binary.Path,
                    $"The {slice.Arch} code needs {List(baseline)} beyond the target cpu {cpu.Name}: {first.Name} is {first.Reason}" +
                    $" (e.g. {Examples(first)}). On a CPU without it the process dies with SIGILL (\"Illegal instruction\"){Rosetta(cpu, baseline)}." +
                    $" Build without those flags (-march/-m{first.Name}) or raise the requirement (target.cpu in the recipe, --cpu=NAME for Verify).");
            }

            var dispatched = missing.Where(f => !f.Baseline).ToList();
            if (dispatched.Count > 0)
            {
                yield return Finding.Info(FindingCodes.IsaDispatched, binary.Path,
                    $"The {slice.Arch} code has {List(dispatched)} beyond {cpu.Name} only in code chosen at run time ({dispatched[0].Reason}; e.g. {Examples(dispatched[0])}); it runs only on CPUs that have them.");
            }
        }
    }

    private static string List(IReadOnlyList<FeatureUse> features)
    {
        var shown = string.Join(", ", features.Take(MaxListed).Select(f => f.Name.ToUpperInvariant()));
        return features.Count > MaxListed ? $"{shown} and {features.Count - MaxListed} more" : shown;
    }

    private static string Examples(FeatureUse feature) => string.Join(", ", feature.Examples);

    /// <summary>Rosetta 2 translates x86-64 up to SSE4.2 (Apple, "About the Rosetta translation environment"); AVX needs macOS 15+ and stops at AVX2.</summary>
    private static string Rosetta(CpuTarget cpu, IReadOnlyList<FeatureUse> baseline) =>
        cpu.Family == IsaFeatures.X86 && baseline.Any(f => f.Name.StartsWith("avx", StringComparison.Ordinal))
            ? ", as under Rosetta 2 on Apple silicon before macOS 15 (Rosetta has no AVX there)"
            : "";
}
