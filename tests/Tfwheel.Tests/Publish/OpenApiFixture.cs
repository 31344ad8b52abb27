using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tfwheel.Files;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Publish;

/// <summary>
/// GitHub's official OpenAPI description from the npm package @octokit/openapi, pinned by version and integrity
/// and fetched by .ci/fetch-openapi into tests/.cache/. The first use extracts the release paths and the closure
/// of the components they reference into tests/.cache/openapi-releases-VERSION.json (about 60 KB).
/// </summary>
public static class OpenApiFixture
{
    public const string Version = "23.0.2";
    public const string Integrity = "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==";

    public static JsonObject LoadReleasesSubset()
    {
        var cache = CacheDirectory();
        var subset = Path.Combine(cache, $"openapi-releases-{Version}.json");
        if (!File.Exists(subset))
        {
            var tgz = Path.Combine(cache, $"octokit-openapi-{Version}.tgz");
            if (!File.Exists(tgz))
            {
                throw RequiredTool.Missing($"the OpenAPI fixture {tgz}", ".ci/fetch-openapi");
            }

            var hash = "sha512-" + Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(tgz)));
            if (hash != Integrity)
            {
                throw new InvalidOperationException($"{tgz} does not match the pinned integrity {Integrity} (got {hash}). Delete it and fetch again.");
            }

            AtomicFile.WriteAllText(subset, ReleasesSubset(ReadFromPackage(tgz, "package/generated/api.github.com.json")).ToJsonString());
        }

        return JsonNode.Parse(File.ReadAllText(subset))!.AsObject();
    }

    private static JsonObject ReadFromPackage(string tgz, string entryName)
    {
        using var gzip = new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == entryName && entry.DataStream is { } data)
            {
                return JsonNode.Parse(data)!.AsObject();
            }
        }

        throw new InvalidOperationException($"{entryName} not found in {tgz}");
    }

    /// <summary>The /releases paths and every component they reach through $ref, transitively.</summary>
    private static JsonObject ReleasesSubset(JsonObject full)
    {
        var paths = new JsonObject();
        foreach (var (path, item) in full["paths"]!.AsObject().Where(p => p.Key.StartsWith("/repos/{owner}/{repo}/releases", StringComparison.Ordinal)))
        {
            paths[path] = item!.DeepClone();
        }

        var components = new JsonObject();
        var pending = new Queue<JsonNode>([paths]);
        while (pending.Count > 0)
        {
            foreach (var r in Refs(pending.Dequeue()))
            {
                var parts = r.Split('/');
                var kind = components[parts[2]] as JsonObject ?? (JsonObject)(components[parts[2]] = new JsonObject());
                if (!kind.ContainsKey(parts[3]))
                {
                    var target = full["components"]![parts[2]]![parts[3]]!.DeepClone();
                    kind[parts[3]] = target;
                    pending.Enqueue(target);
                }
            }
        }

        return new JsonObject { ["openapi"] = full["openapi"]!.DeepClone(), ["info"] = full["info"]!.DeepClone(), ["paths"] = paths, ["components"] = components };
    }

    private static IEnumerable<string> Refs(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v && v.GetValue<string>().StartsWith("#/components/", StringComparison.Ordinal)
            ? [v.GetValue<string>()]
            : p.Value is null ? [] : Refs(p.Value)),
        JsonArray a => a.Where(x => x is not null).SelectMany(x => Refs(x!)),
        _ => [],
    };

    private static string CacheDirectory() => Directory.CreateDirectory(TestCache.Root).FullName;
}
