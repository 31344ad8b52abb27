using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Pipeline;

/// <summary>
/// artifacts/&lt;recipe&gt;/manifest.json: what was built from what. Compile writes its sections; other
/// sections already in the file (Verify's, Smoke's) are kept. Written atomically (temp + rename), as readable
/// JSON ('+' in a wheel name stays '+', not \u002B), and portable: Publish uploads it, so paths inside the project
/// are written relative to it and other paths in the home directory as ~/… (<see cref="PortablePaths"/>).
/// </summary>
public static class BuildManifest
{
    /// <summary>Indented, and escaping only what JSON requires: the file is read by people and uploaded, never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions Format = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="home">The home directory whose paths are written as ~/…; the user's by default.</param>
    public static async Task WriteCompileAsync(
        BuildPaths paths,
        Recipe recipe,
        InputStamp inputs,
        IReadOnlyList<CompileResult> wheels,
        HostPlatform host,
        IReadOnlyDictionary<string, TimeSpan> durations,
        CancellationToken ct,
        string? home = null)
    {
        var manifest = Read(paths.Manifest);
        manifest["schema"] = 2;
        manifest["recipe"] = JsonNode.Parse(RecipeJson.Serialize(recipe));
        manifest["recipeSha256"] = RecipeJson.Sha256(recipe);
        manifest["tensorflow"] = new JsonObject
        {
            ["repository"] = recipe.Tensorflow.Repository,
            ["ref"] = recipe.Tensorflow.Ref,
            ["version"] = recipe.Tensorflow.Version,
            ["commit"] = inputs.Commit,
        };
        manifest["patches"] = new JsonArray([.. inputs.Patches.Select(p => (JsonNode)new JsonObject
        {
            ["path"] = Path.GetRelativePath(paths.Root, p.Path),
            ["sha256"] = p.Sha256,
        })]);
        manifest["bazel"] = new JsonObject { ["version"] = inputs.BazelVersion };
        manifest["host"] = new JsonObject { ["os"] = host.Os, ["arch"] = host.Arch };
        manifest["durationsSeconds"] = new JsonObject([.. durations.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Math.Round(d.Value.TotalSeconds, 3)))]);
        manifest.Remove("wheel"); // schema 1 had one wheel
        manifest["wheels"] = new JsonArray([.. wheels.Select(Wheel)]);
        manifest["builtAt"] = DateTimeOffset.UtcNow.ToString("O");
        PortablePaths.Rewrite(manifest, paths.Root, home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        await AtomicFile.WriteAllTextAsync(paths.Manifest, manifest.ToJsonString(Format) + "\n", ct);
    }

    /// <summary>One wheel of the run: its Python, file, size, SHA-256 and the bazel build that made it.</summary>
    private static JsonNode Wheel(CompileResult compile) => new JsonObject
    {
        ["python"] = compile.Python,
        ["tag"] = compile.PythonTag,
        ["name"] = compile.WheelName,
        ["size"] = compile.WheelSize,
        ["sha256"] = compile.WheelSha256,
        ["bazel"] = new JsonObject
        {
            ["argv"] = new JsonArray([.. compile.Build.Argv.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["exitCode"] = compile.Build.ExitCode,
            ["remoteCacheHits"] = compile.Build.RemoteCacheHits,
            ["processes"] = Processes(compile.Build.Outcome.Spawns),
        },
        ["durationSeconds"] = Math.Round(compile.Duration.TotalSeconds, 3),
    };

    /// <summary>From the build events: how many spawns ran here, on the remote executor, from a cache.</summary>
    private static JsonObject? Processes(SpawnCounts? spawns) => spawns is null ? null : new JsonObject
    {
        ["total"] = spawns.Total,
        ["local"] = spawns.Local,
        ["remote"] = spawns.Remote,
        ["cacheHits"] = spawns.CacheHits,
        ["internal"] = spawns.Internal,
    };

    private static JsonObject Read(string path)
    {
        try
        {
            return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing ? existing : [];
        }
        catch (JsonException)
        {
            return []; // a damaged manifest is replaced, not patched
        }
    }
}
