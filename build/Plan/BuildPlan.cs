using Tfwheel.Compile;
using Tfwheel.Processes;
using Tfwheel.Source;

namespace Tfwheel.Plan;

/// <summary>Everything Fetch, Patch, Configure and Compile will do for one recipe; Plan prints <see cref="Steps"/>.</summary>
public sealed record BuildPlan(FetchPlan Fetch, IReadOnlyList<PatchStep> Patches, ConfigurePlan Configure, CompilePlan Compile)
{
    public IReadOnlyList<PlannedStep> Steps =>
        [.. Fetch.Steps, .. Patches.SelectMany(p => p.Steps), .. Configure.Steps, .. Compile.Steps];
}
