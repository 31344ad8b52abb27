using System.Text.Json;

namespace Tfwheel.Publish;

/// <summary>
/// What the release notes say about the build, read tolerantly from manifest.json, verify.json and smoke.json:
/// a missing field is left null, never an error. Fields read: manifest <c>recipe</c> (string or {name}),
/// <c>tensorflow.{version,commit}</c> (the version falling back to <c>recipe.tensorflow.version</c>), <c>bazel.argv</c>
/// (string array), <c>wheel.sha256</c>; verify/smoke <c>ok</c> (bool), <c>wheel.sha256</c> (the wheel the report judged)
/// and the optional <c>summary</c> (string).
/// </summary>
public sealed record BuildProvenance
{
    public string? Recipe { get; init; }

    public string? TensorflowVersion { get; init; }

    public string? TensorflowCommit { get; init; }

    public IReadOnlyList<string> BazelArgv { get; init; } = [];

    /// <summary>The wheel's SHA-256 as Compile recorded it; Publish refuses a wheel that no longer matches.</summary>
    public string? WheelSha256 { get; init; }

    /// <summary>null when verify.json is missing or unreadable.</summary>
    public bool? VerifyOk { get; init; }

    public string? VerifySummary { get; init; }

    /// <summary>The SHA-256 of the wheel verify.json judged (its wheel.sha256).</summary>
    public string? VerifyWheelSha256 { get; init; }

    public bool? SmokeOk { get; init; }

    public string? SmokeSummary { get; init; }

    /// <summary>The SHA-256 of the wheel smoke.json tested (its wheel.sha256).</summary>
    public string? SmokeWheelSha256 { get; init; }

    /// <summary>What verify.json says about the wheel with <paramref name="wheelSha256"/>.</summary>
    public ReportVerdict Verify(string wheelSha256) => Verdict(VerifyOk, VerifyWheelSha256, wheelSha256);

    /// <summary>What smoke.json says about the wheel with <paramref name="wheelSha256"/>.</summary>
    public ReportVerdict Smoke(string wheelSha256) => Verdict(SmokeOk, SmokeWheelSha256, wheelSha256);

    /// <summary>Both reports passed for this very wheel: a green report for another wheel does not count.</summary>
    public bool IsVerifiedFor(string wheelSha256) => Verify(wheelSha256) == ReportVerdict.Passed && Smoke(wheelSha256) == ReportVerdict.Passed;

    private const long MaxReportBytes = 16L * 1024 * 1024;

    public static BuildProvenance Read(string artifactsDirectory)
    {
        var manifest = Load(Path.Combine(artifactsDirectory, "manifest.json"));
        var verify = Load(Path.Combine(artifactsDirectory, "verify.json"));
        var smoke = Load(Path.Combine(artifactsDirectory, "smoke.json"));
        var recipe = Find(manifest, "recipe");
        return new BuildProvenance
        {
            Recipe = recipe?.ValueKind == JsonValueKind.Object ? Text(Find(recipe, "name")) : Text(recipe),
            TensorflowVersion = Text(Find(manifest, "tensorflow", "version")) ?? Text(Find(recipe, "tensorflow", "version")),
            TensorflowCommit = Text(Find(manifest, "tensorflow", "commit")),
            BazelArgv = Find(manifest, "bazel", "argv") is { ValueKind: JsonValueKind.Array } argv
                ? argv.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()
                : [],
            WheelSha256 = Text(Find(manifest, "wheel", "sha256")),
            VerifyOk = Bool(Find(verify, "ok")),
            VerifySummary = Text(Find(verify, "summary")),
            VerifyWheelSha256 = Text(Find(verify, "wheel", "sha256")),
            SmokeOk = Bool(Find(smoke, "ok")),
            SmokeSummary = Text(Find(smoke, "summary")),
            SmokeWheelSha256 = Text(Find(smoke, "wheel", "sha256")),
        };
    }

    private static ReportVerdict Verdict(bool? ok, string? judged, string wheelSha256) =>
        ok is null ? ReportVerdict.Missing
        : !string.Equals(judged, wheelSha256, StringComparison.OrdinalIgnoreCase) ? ReportVerdict.OtherWheel
        : ok.Value ? ReportVerdict.Passed
        : ReportVerdict.Failed;

    private static JsonElement? Load(string path)
    {
        try
        {
            // Reports are kilobytes; anything past the cap is not one of ours and is treated as unreadable.
            return File.Exists(path) && new FileInfo(path).Length <= MaxReportBytes ? JsonDocument.Parse(File.ReadAllBytes(path)).RootElement : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Find(JsonElement? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(key, out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    private static string? Text(JsonElement? e) => e is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static bool? Bool(JsonElement? e) => e?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
