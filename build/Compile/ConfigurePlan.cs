using Tfwheel.Processes;

namespace Tfwheel.Compile;

/// <summary>What Configure runs and writes: the bazel version query, configure.py, and .bazelrc.user (with its full content).</summary>
public sealed record ConfigurePlan(PlannedStep BazelVersion, PlannedStep ConfigurePy, PlannedStep WriteBazelrcUser)
{
    public IReadOnlyList<PlannedStep> Steps => [BazelVersion, ConfigurePy, WriteBazelrcUser];
}
