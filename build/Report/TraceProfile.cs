namespace Tfwheel.Report;

/// <summary>
/// What the report shows of one Bazel trace profile, bounded whatever the profile's size: the longest
/// actions (for the timeline and the slowest table), the critical path, the time per kind of action and the
/// phase markers. Everything else is counted, not kept.
/// </summary>
/// <param name="StartMicros">The earliest action or phase start seen; the timeline's zero.</param>
/// <param name="EndMicros">The latest action end seen.</param>
/// <param name="ActionCount">Every action event read, kept or not.</param>
/// <param name="Longest">At most <see cref="TraceProfileReader.KeptActions"/> actions, the longest, ordered by start.</param>
/// <param name="CriticalPath">Bazel's critical path components in order (at most <see cref="TraceProfileReader.KeptCriticalPath"/>).</param>
/// <param name="Kinds">Count and total time per kind of action, longest total first.</param>
/// <param name="Phases">Bazel's build phase markers ("Load and analyze dependencies", "Build artifacts", ...).</param>
public sealed record TraceProfile(
    long StartMicros,
    long EndMicros,
    long ActionCount,
    IReadOnlyList<TraceAction> Longest,
    IReadOnlyList<TraceAction> CriticalPath,
    IReadOnlyList<ActionKindTotal> Kinds,
    IReadOnlyList<TracePhase> Phases)
{
    public long WallMicros => Math.Max(0, EndMicros - StartMicros);

    public long CriticalPathMicros => CriticalPath.Sum(c => c.DurationMicros);
}

/// <summary>How many actions of one kind ran and their summed duration (busy time, not wall time).</summary>
public sealed record ActionKindTotal(string Kind, long Count, long TotalMicros);

/// <summary>A build phase marker: the moment Bazel moved to the named phase.</summary>
public sealed record TracePhase(string Name, long AtMicros);
