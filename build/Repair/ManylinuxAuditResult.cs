using Tfwheel.Platforms;

namespace Tfwheel.Repair;

/// <summary>What <see cref="ManylinuxAudit"/> found: problems per binary, and the libraries only grafting (copying them into the wheel) would fix.</summary>
public sealed record ManylinuxAuditResult(ManylinuxPolicy Policy, string Arch, IReadOnlyList<RepairProblem> Problems, IReadOnlyList<string> GraftNeeded)
{
    public bool Compliant => Problems.Count == 0;

    /// <summary>The lowest glibc floor whose policy accepts every problem that a higher floor fixes; null when some need no floor fixes.</summary>
    public string? FloorThatWouldAccept =>
        Problems.Count > 0 && Problems.All(p => p.AcceptingFloor is not null)
            ? Problems.Select(p => p.AcceptingFloor!).MaxBy(Version.Parse)
            : null;

    /// <summary>The refusal: every problem, the floor that would accept them, and what would need grafting.</summary>
    public string Describe(string wheelName)
    {
        var lines = new List<string>
        {
            $"Repair: {wheelName} cannot be tagged {Policy.PlatformTag(Arch)} (auditwheel's {Policy.Name} policy):",
        };
        lines.AddRange(Problems.Select(p => $"  {p.Path} {p.Text}" + (p.AcceptingFloor is { } f ? $" The {ManylinuxPolicies.ForFloor(f)!.Name} policy accepts it." : "")));
        if (FloorThatWouldAccept is { } floor)
        {
            lines.Add($"Build against a glibc {Policy.Floor} sysroot (TensorFlow's ml-build image provides one at /dt9), or raise the promise: target.min-os: \"{floor}\" (manylinux_{floor.Replace('.', '_')}) accepts these binaries.");
        }
        else if (Problems.Any(p => p.AcceptingFloor is null && p.Library is null))
        {
            lines.Add($"No manylinux policy tfwheel knows ({ManylinuxPolicies.KnownFloors}) accepts the needs marked without one; rebuild those binaries against an older glibc and libstdc++ (TensorFlow's ml-build image, /dt9 sysroot).");
        }

        if (GraftNeeded.Count > 0)
        {
            lines.Add($"tfwheel does not graft outside libraries into a wheel (auditwheel repair would copy them in and rewrite RPATHs). These would need it: {string.Join(", ", GraftNeeded)}. " +
                "Link them statically, ship them inside the wheel next to the binary that loads them (with an $ORIGIN RUNPATH), or depend on a package that provides them.");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
