namespace Tfwheel.Report;

/// <summary>
/// One span from Bazel's JSON trace profile (a Chrome trace "X" event): an action, or one component of the
/// critical path. Times are microseconds from the profile's origin, as the profile writes them.
/// </summary>
/// <param name="Kind">The name's first word ("Compiling", "Linking", "Executing"), Bazel's progress-message verb.</param>
public sealed record TraceAction(string Name, string Kind, long StartMicros, long DurationMicros)
{
    public long EndMicros => StartMicros + DurationMicros;

    /// <summary>The action's own progress message, without the "action '…'" a critical-path component wraps it in.</summary>
    public string Label => Name.StartsWith("action '", StringComparison.Ordinal) && Name.EndsWith('\'') && Name.Length > 9 ? Name[8..^1] : Name;

    /// <summary>Bazel names critical-path components "action 'Compiling x'"; the kind is the quoted name's verb.</summary>
    public static TraceAction Create(string name, long start, long duration)
    {
        var inner = name.StartsWith("action '", StringComparison.Ordinal) && name.EndsWith('\'') ? name[8..^1] : name;
        var space = inner.IndexOf(' ', StringComparison.Ordinal);
        var kind = space > 0 ? inner[..space] : inner;
        return new TraceAction(name, kind.Length > 40 ? kind[..40] : kind, start, Math.Max(0, duration));
    }
}
