using Tfwheel.Processes;

namespace Tfwheel.Source;

/// <summary>
/// One patch of the series: check that it applies; if not, check whether it is already applied
/// (applies in reverse) and skip it; otherwise apply it. git apply is all-or-nothing, so a conflict
/// leaves the tree as it was before this patch.
/// </summary>
public sealed record PatchStep(string PatchFile, PlannedStep Check, PlannedStep ReverseCheck, PlannedStep Apply)
{
    public IReadOnlyList<PlannedStep> Steps => [Check, ReverseCheck, Apply];
}
