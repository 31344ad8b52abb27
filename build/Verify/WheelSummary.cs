namespace Tfwheel.Verify;

/// <summary>The "wheel" object of the report: which file, what its name says, how big it is.</summary>
public sealed record WheelSummary(string File, string? Name, string? Version, IReadOnlyList<string> Tags, long SizeBytes, int Files)
{
    /// <summary>Lower-case hex SHA-256 of the file judged; Publish checks it against the wheel it publishes.</summary>
    public string? Sha256 { get; init; }
}
