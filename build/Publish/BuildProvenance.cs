using System.Text.Json;
using Tfwheel.Files;

namespace Tfwheel.Publish;

/// <summary>
/// What the release notes and the gate know about the build, read tolerantly from manifest.json and each wheel's
/// own verify-cpXY.json and smoke-cpXY.json: a missing or odd field is left null, never an error. Manifest fields
/// read: <c>recipe</c> (string or {name}), <c>tensorflow.{version,commit}</c> (the version falling back to
/// <c>recipe.tensorflow.version</c>), and <c>wheels[]</c> ({name, sha256, python, bazel.argv}; schema 2). A
/// manifest without <c>wheels</c> (schema 1: one top-level <c>wheel.sha256</c> and <c>bazel.argv</c>) still
/// vouches for a lone wheel. Reports: <c>ok</c> (bool), <c>wheel.sha256</c> (the wheel judged), <c>summary</c>.
/// </summary>
public sealed record BuildProvenance
{
    /// <summary>Reports and manifests are kilobytes; anything past this is not one of ours and is treated as unreadable.</summary>
    public const long MaxReportBytes = 16L * 1024 * 1024;

    public string? Recipe { get; init; }

    public string? TensorflowVersion { get; init; }

    public string? TensorflowCommit { get; init; }

    /// <summary>The wheel names manifest.json's <c>wheels</c> lists; null when it has no such list (older, missing or unreadable).</summary>
    public IReadOnlyList<string>? ManifestWheels { get; init; }

    /// <summary>One entry per local wheel, in the wheels' order.</summary>
    public IReadOnlyList<WheelProvenance> Wheels { get; init; } = [];

    /// <summary>What is known about the wheel named <paramref name="wheelName"/> (nothing, when it was not read).</summary>
    public WheelProvenance For(string wheelName) =>
        Wheels.FirstOrDefault(w => w.Name == wheelName) ?? new WheelProvenance(wheelName, ArtifactSet.PythonTagOf(wheelName) ?? "");

    /// <summary>Reads manifest.json and, for each of <paramref name="wheelNames"/>, the reports named by its python tag.</summary>
    public static BuildProvenance Read(string artifactsDirectory, IReadOnlyList<string> wheelNames)
    {
        var manifest = Load(Path.Combine(artifactsDirectory, ArtifactSet.ManifestName));
        var recipe = Find(manifest, "recipe");
        var entries = Find(manifest, "wheels") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(e => Text(Find(e, "name")) is not null).ToList()
            : null;
        return new BuildProvenance
        {
            Recipe = recipe?.ValueKind == JsonValueKind.Object ? Text(Find(recipe, "name")) : Text(recipe),
            TensorflowVersion = Text(Find(manifest, "tensorflow", "version")) ?? Text(Find(recipe, "tensorflow", "version")),
            TensorflowCommit = Text(Find(manifest, "tensorflow", "commit")),
            ManifestWheels = entries?.Select(e => Text(Find(e, "name"))!).ToList(),
            Wheels = wheelNames.Select(name => ReadWheel(artifactsDirectory, name, manifest, entries, wheelNames.Count)).ToList(),
        };
    }

    private static WheelProvenance ReadWheel(string directory, string name, JsonElement? manifest, List<JsonElement>? entries, int wheelCount)
    {
        var tag = ArtifactSet.PythonTagOf(name) ?? "";
        // Schema 1 described one wheel at the top level; it can vouch only for a lone wheel.
        var entry = entries is null ? (wheelCount == 1 ? manifest : null) : null;
        foreach (var e in entries ?? [])
        {
            if (Text(Find(e, "name")) == name)
            {
                entry = e;
                break;
            }
        }

        var sha = entries is not null ? Text(Find(entry, "sha256")) : Text(Find(entry, "wheel", "sha256"));
        return new WheelProvenance(name, tag)
        {
            Python = entries is not null ? Text(Find(entry, "python")) : null,
            RecordedSha256 = sha,
            BazelArgv = Strings(Find(entry, "bazel", "argv")),
            Verify = Report(directory, BuildPaths.VerifyReportName(tag)),
            Smoke = Report(directory, BuildPaths.SmokeReportName(tag)),
        };
    }

    private static ReportReading Report(string directory, string file)
    {
        var report = Load(Path.Combine(directory, file));
        return new ReportReading(file, Bool(Find(report, "ok")), Text(Find(report, "summary")), Text(Find(report, "wheel", "sha256")));
    }

    private static JsonElement? Load(string path)
    {
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > MaxReportBytes)
            {
                return null;
            }

            // Cloned so the document's pooled buffers go back at once: one report is in memory at a time.
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.Clone();
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

    private static IReadOnlyList<string> Strings(JsonElement? e) => e is { ValueKind: JsonValueKind.Array } a
        ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
        : [];

    private static string? Text(JsonElement? e) => e is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static bool? Bool(JsonElement? e) => e?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
