using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Doctor;

/// <summary>
/// Doctor --python: the features an installed TensorFlow's code needs everywhere (the audit's baseline use; code
/// chosen at run time is not counted) against the CPU that will run it: this machine's (<see cref="HostCpu"/>) or,
/// for a Python translated by Rosetta 2, what Rosetta provides (<see cref="RosettaCpu"/>). Says it in one line:
/// "this TensorFlow needs AVX; this Python runs under Rosetta, which has no AVX".
/// </summary>
public static class CpuFitCheck
{
    /// <summary>One error per binary whose baseline needs a feature <paramref name="cpu"/> lacks.</summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<NativeBinary> binaries, HostCpu cpu, PythonFacts python)
    {
        var findings = new List<Finding>();
        foreach (var binary in binaries)
        {
            foreach (var slice in Loaded(binary, python, cpu))
            {
                var missing = Missing(slice.Isa!, cpu);
                if (missing.Count > 0)
                {
                    findings.Add(Finding.Error(FindingCodes.DoctorCpuLacksFeature, binary.Path,
                        $"Its {slice.Arch} code needs {And(missing.Select(f => f.Name))} everywhere ({missing[0].Reason}; e.g. {string.Join(", ", missing[0].Examples)}), " +
                        $"and {Lacks(missing.Select(f => f.Name).ToList(), cpu, python)}."));
                }
            }
        }

        return findings;
    }

    /// <summary>The one-line diagnosis, or null when every binary's baseline fits <paramref name="cpu"/>.</summary>
    public static string? Diagnosis(IReadOnlyList<NativeBinary> binaries, HostCpu cpu, PythonFacts python)
    {
        var needed = binaries.SelectMany(b => Loaded(b, python, cpu)).SelectMany(s => Missing(s.Isa!, cpu)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var ordered = cpu.Family.Names.Where(needed.Contains).ToList();
        return ordered.Count == 0 ? null : $"this TensorFlow needs {And(ordered)}; {Lacks(ordered, cpu, python)}";
    }

    private static string Lacks(IReadOnlyList<string> features, HostCpu cpu, PythonFacts python)
    {
        if (!python.RunsTranslated)
        {
            return $"this CPU has no {Or(features)} ({cpu.Source}), so `import tensorflow` dies with 'Illegal instruction'";
        }

        var absent = features.Where(f => !RosettaCpu.ExecutesUnreported(f, python.RunningMacos)).ToList();
        return absent.Count > 0
            ? $"this Python runs under Rosetta, which has no {Or(absent)}"
            : $"this Python runs under {cpu.Source}, which runs AVX and AVX2 without reporting them, so TensorFlow's import check (cpu_feature_guard: \"compiled to use AVX instructions, but these aren't available\") aborts";
    }

    /// <summary>The slices of <paramref name="binary"/> this Python would load that the audit decoded for the cpu's family.</summary>
    private static IEnumerable<BinarySlice> Loaded(NativeBinary binary, PythonFacts python, HostCpu cpu) =>
        binary.Slices.Where(s => s.Isa is not null && IsaFeatures.ForArch(s.Arch) == cpu.Family && (binary.Slices.Count == 1 || Same(s.Arch, python.Machine)));

    private static bool Same(string sliceArch, string machine) => sliceArch == machine || (sliceArch, machine) is ("arm64", "aarch64") or ("aarch64", "arm64");

    private static List<FeatureUse> Missing(IsaUsage isa, HostCpu cpu) => isa.Features.Where(f => f.Baseline && !cpu.Has(f.Name)).ToList();

    private static string And(IEnumerable<string> names) => Join(names, "and");

    private static string Or(IEnumerable<string> names) => Join(names, "or");

    private static string Join(IEnumerable<string> names, string last)
    {
        var upper = names.Select(n => n.ToUpperInvariant()).ToList();
        return upper.Count == 1 ? upper[0] : string.Join(", ", upper.Take(upper.Count - 1)) + $" {last} " + upper[^1];
    }
}
