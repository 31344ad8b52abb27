using Cake.Core;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>
/// Everything a run takes from its command line, read once (ARCHITECTURE.md: tasks never read arguments
/// themselves). Flags that change the recipe (--python) become overrides applied after --set.
/// </summary>
public sealed record BuildOptions
{
    public string? Recipe { get; init; }

    public IReadOnlyList<string> Sets { get; init; } = [];

    public string? Python { get; init; }

    public ReportFormat Format { get; init; } = ReportFormat.Text;

    public string? Wheel { get; init; }

    public string? SourceDir { get; init; }

    public string? ArtifactsDir { get; init; }

    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();

    public static BuildOptions From(ICakeArguments arguments)
    {
        string? Last(string name) => arguments.HasArgument(name) ? arguments.GetArguments(name).LastOrDefault() : null;
        var format = Last("format") ?? "text";
        return new BuildOptions
        {
            Recipe = Last("recipe"),
            Sets = arguments.HasArgument("set") ? [.. arguments.GetArguments("set")] : [],
            Python = Last("python"),
            Format = format.ToLowerInvariant() switch
            {
                "text" => ReportFormat.Text,
                "json" => ReportFormat.Json,
                _ => throw new UsageException($"--format={format}: use text or json."),
            },
            Wheel = Last("wheel"),
            SourceDir = Last("source-dir"),
            ArtifactsDir = Last("artifacts-dir"),
            Raw = arguments.GetArguments().ToDictionary(kv => kv.Key, kv => kv.Value.LastOrDefault() ?? "", StringComparer.OrdinalIgnoreCase),
        };
    }

    public bool Flag(string name) =>
        Raw.TryGetValue(name, out var v) && !v.Equals("false", StringComparison.OrdinalIgnoreCase);

    public string? Value(string name) => Raw.TryGetValue(name, out var v) ? v : null;
}
