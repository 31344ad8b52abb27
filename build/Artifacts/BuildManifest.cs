using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Bazel;
using Tfwheel.Compile;
using Tfwheel.Recipes;
using Tfwheel.Source;

namespace Tfwheel.Artifacts;

/// <summary>
/// artifacts/&lt;recipe&gt;/manifest.json: what was built from what. Compile writes its sections; other
/// sections already in the file (Verify's, Smoke's) are kept. Written atomically (temp + rename).
/// </summary>
public static class BuildManifest
{
    public static async Task WriteCompileAsync(
        BuildPaths paths,
        Recipe recipe,
        InputStamp inputs,
        CompileResult compile,
        HostPlatform host,
        IReadOnlyDictionary<string, TimeSpan> durations,
        CancellationToken ct)
    {
        var manifest = Read(paths.Manifest);
        manifest["schema"] = 1;
        manifest["recipe"] = JsonNode.Parse(RecipeJson.Serialize(recipe));
        manifest["recipeSha256"] = RecipeJson.Sha256(recipe);
        manifest["tensorflow"] = new JsonObject
        {
            ["repository"] = recipe.Tensorflow.Repository,
            ["ref"] = recipe.Tensorflow.Ref,
            ["commit"] = inputs.Commit,
        };
        manifest["patches"] = new JsonArray([.. inputs.Patches.Select(p => (JsonNode)new JsonObject
        {
            ["path"] = Path.GetRelativePath(paths.Root, p.Path),
            ["sha256"] = p.Sha256,
        })]);
        manifest["bazel"] = new JsonObject
        {
            ["version"] = inputs.BazelVersion,
            ["argv"] = new JsonArray([.. compile.Build.Argv.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["exitCode"] = compile.Build.ExitCode,
            ["remoteCacheHits"] = compile.Build.RemoteCacheHits,
            ["processes"] = Processes(compile.Build.Outcome.Spawns),
        };
        manifest["host"] = new JsonObject { ["os"] = host.Os, ["arch"] = host.Arch };
        manifest["durationsSeconds"] = new JsonObject([.. durations.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Math.Round(d.Value.TotalSeconds, 3)))]);
        manifest["wheel"] = new JsonObject
        {
            ["name"] = compile.WheelName,
            ["size"] = compile.WheelSize,
            ["sha256"] = compile.WheelSha256,
        };
        manifest["builtAt"] = DateTimeOffset.UtcNow.ToString("O");
        await AtomicFile.WriteAllTextAsync(paths.Manifest, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
    }

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
