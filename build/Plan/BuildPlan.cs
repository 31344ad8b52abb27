using Tfwheel.Compile;
using Tfwheel.Processes;
using Tfwheel.Source;

namespace Tfwheel.Plan;

/// <summary>
/// Everything Fetch, Patch, Configure and Compile will do for one recipe: the tree once, then a bazel build per
/// Python of the run (<see cref="Compiles"/>, in order); Plan prints <see cref="Steps"/>.
/// </summary>
public sealed record BuildPlan(FetchPlan Fetch, IReadOnlyList<PatchStep> Patches, ConfigurePlan Configure, IReadOnlyList<CompilePlan> Compiles)
{
    public IReadOnlyList<PlannedStep> Steps =>
        [.. Fetch.Steps, .. Patches.SelectMany(p => p.Steps), .. Configure.Steps, .. Compiles.SelectMany(c => c.Steps)];
}
