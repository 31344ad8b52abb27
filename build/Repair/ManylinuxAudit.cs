using Tfwheel.Platforms;
using Tfwheel.Verify.Archive;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Repair;

/// <summary>
/// Checks every native binary of a Linux wheel against one manylinux policy, as auditwheel does before it
/// retags (pypa/auditwheel src/auditwheel/policy/versioned_symbols.py: each needed symbol version must be
/// in the policy; lib_whitelist: each DT_NEEDED must be a system library or ship in the wheel). Pure: the
/// binaries come from <see cref="WheelArchiveReader"/>.
/// </summary>
public static class ManylinuxAudit
{
    public static ManylinuxAuditResult Check(IReadOnlyList<NativeBinary> binaries, IReadOnlyCollection<string> files, string arch, ManylinuxPolicy policy)
    {
        var problems = new List<RepairProblem>();
        var graft = new SortedSet<string>(StringComparer.Ordinal);
        var bundled = files.Select(FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var binary in binaries)
        {
            if (binary.Format != NativeBinary.Elf)
            {
                problems.Add(new RepairProblem(binary.Path, $"is a {binary.Format} binary, which no Linux system loads; a Linux wheel carries ELF files only.", null));
                continue;
            }

            if (binary.Problems.Count > 0)
            {
                problems.Add(new RepairProblem(binary.Path, $"has ELF headers that cannot be read ({string.Join("; ", binary.Problems)}), so its needs cannot be checked.", null));
                continue;
            }

            foreach (var slice in binary.Slices)
            {
                if (slice.Arch != arch)
                {
                    problems.Add(new RepairProblem(binary.Path, $"is built for {slice.Arch}, but the wheel is for {arch}.", null));
                    continue;
                }

                foreach (var family in ManylinuxPolicy.Families)
                {
                    if (slice.VersionNeeds.TryGetValue(family, out var needed) && !policy.Allows(arch, family, needed))
                    {
                        var accepting = ManylinuxPolicies.All.FirstOrDefault(p => p.Allows(arch, family, needed));
                        problems.Add(new RepairProblem(binary.Path,
                            $"needs {family}{needed}, newer than {policy.Name} allows on {arch} ({family}{policy.Maxima[arch][family]}).",
                            accepting?.Floor));
                    }
                }
            }

            foreach (var library in binary.Libraries.Where(l => !policy.IsSystemLibrary(l) && !bundled.Contains(FileName(l))))
            {
                var accepting = ManylinuxPolicies.All.FirstOrDefault(p => p.IsSystemLibrary(library));
                if (accepting is null)
                {
                    graft.Add(library);
                }

                problems.Add(new RepairProblem(binary.Path,
                    $"needs {library}, which is neither in the wheel nor on {policy.Name}'s list of system libraries.", accepting?.Floor, library));
            }
        }

        return new ManylinuxAuditResult(policy, arch, problems, [.. graft]);
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}

/// <summary>One reason a binary keeps a wheel from its manylinux tag.</summary>
/// <param name="Path">The binary's path inside the wheel.</param>
/// <param name="Text">What it needs and why the policy refuses it, as a sentence following the path.</param>
/// <param name="AcceptingFloor">The lowest glibc floor whose policy accepts this need ("2.26"), or null when none tfwheel knows does.</param>
/// <param name="Library">For a library the system does not provide: its soname.</param>
public sealed record RepairProblem(string Path, string Text, string? AcceptingFloor, string? Library = null);
