namespace Tfwheel.Publish;

/// <summary>The --dryrun output: the API calls Publish would make, in order, and what would stop it.</summary>
/// <param name="Calls">One line per call or decision, e.g. "POST repos/o/r/releases: create draft release TAG", "skip NAME: identical".</param>
public sealed record PublishPlan(IReadOnlyList<string> Calls, IReadOnlyList<string> Problems, ReleaseAssessment Assessment)
{
    public int PlannedWrites => Calls.Count(c => c.StartsWith("POST", StringComparison.Ordinal) || c.StartsWith("PATCH", StringComparison.Ordinal) || c.StartsWith("DELETE", StringComparison.Ordinal));
}
