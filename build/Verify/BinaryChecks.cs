using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// All per-binary checks over a set of native binaries, for a wheel (Verify) and for an installed
/// package (Doctor --python) alike: readability, architecture, minimum OS, linkage, required frameworks.
/// </summary>
public static class BinaryChecks
{
    public static IReadOnlyList<Finding> Check(IReadOnlyList<NativeBinary> binaries, IReadOnlySet<string> files, VerifyRequirements requirements)
    {
        var findings = new FindingCollector();
        foreach (var binary in binaries)
        {
            if (binary.Problems.Count > 0)
            {
                findings.Add(Finding.Error(FindingCodes.BinaryMalformed, binary.Path,
                    $"The {binary.Format} headers cannot be read: {LinkageCheck.FirstFew(binary.Problems)}. A loader would reject it too; rebuild the file or remove it."));
            }

            findings.AddRange(ArchitectureCheck.Check(binary, requirements));
            findings.AddRange(MinimumOsCheck.Check(binary, requirements).Distinct());
            findings.AddRange(LinkageCheck.Check(binary, files));
            findings.AddRange(Verify.IsaCheck.Check(binary, requirements));
            if (requirements is { Os: "linux", MinOs: not null } && binary.Format == NativeBinary.Elf)
            {
                findings.AddRange(NotBundled(binary, files));
            }
            foreach (var slice in binary.Slices.Where(s => binary.IsMachO && s.Arch.StartsWith("arm64", StringComparison.Ordinal) && !s.Signed))
            {
                // Apple silicon kills unsigned arm64 code at load ("Killed: 9"); an ad-hoc signature is enough (delocate #102).
                findings.Add(Finding.Error(FindingCodes.Arm64Unsigned, binary.Path,
                    $"The {slice.Arch} image has no code signature, so macOS on Apple silicon kills the process that loads it. Sign it ad hoc after the last edit (codesign --force --sign - FILE)."));
            }
        }

        foreach (var framework in requirements.RequireFrameworks)
        {
            var marker = $"/{framework}.framework/";
            if (!binaries.Any(b => b.IsMachO && b.Libraries.Any(l => l.Contains(marker, StringComparison.Ordinal))))
            {
                findings.Add(Finding.Error(FindingCodes.LinkFrameworkMissing, "",
                    $"No binary links {framework}.framework, which the recipe requires (verify.require-frameworks); check that the build used it (for Accelerate: the recipe's accelerate section and its --config) and that the right wheel was given."));
            }
        }

        return findings.ToList();
    }

    /// <summary>A manylinux wheel may only need the policy's system libraries; others must ship inside it (auditwheel repair).</summary>
    private static IEnumerable<Finding> NotBundled(NativeBinary binary, IReadOnlySet<string> files)
    {
        var bundled = files.Select(f => f[(f.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);
        return binary.Libraries
            .Where(l => !ManylinuxCeilings.IsSystemLibrary(l) && !bundled.Contains(l[(l.LastIndexOf('/') + 1)..]))
            .Select(l => Finding.Warning(FindingCodes.LinkNotBundled, binary.Path,
                $"The binary needs {l}, which is neither in the wheel nor a library every manylinux system has; users without it get an ImportError. Bundle it (auditwheel repair) or depend on the package that ships it."));
    }
}
