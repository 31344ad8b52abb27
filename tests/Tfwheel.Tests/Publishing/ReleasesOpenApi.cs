using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Tfwheel.Tests.Publishing;

/// <summary>
/// The Releases part of GitHub's official OpenAPI description, from the npm package @octokit/openapi (pinned
/// below; fetched by .ci/run into tests/.cache/). The first use extracts the release paths and the closure of the
/// components they reference into tests/.cache/openapi-releases-VERSION.json; schemas are converted from OpenAPI
/// 3.0 (nullable, #/components refs) to JSON Schema 2020-12 and checked with JsonSchema.Net.
/// </summary>
public sealed class ReleasesOpenApi
{
    public const string Version = "23.0.2";
    public const string Integrity = "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==";

    private static readonly Lazy<ReleasesOpenApi> Shared = new(() => new ReleasesOpenApi(LoadSubset()));
    private readonly JsonObject _spec;
    private readonly Dictionary<string, JsonSchema?> _schemas = [];
    private readonly Lock _lock = new();

    private ReleasesOpenApi(JsonObject spec) => _spec = spec;

    public static ReleasesOpenApi Instance => Shared.Value;

    public IEnumerable<string> OperationIds => Operations().Select(o => o.Id);

    public bool Documents(string operationId, int status) =>
        Operation(operationId)["responses"]!.AsObject().ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Validates a request body; returns the violations (empty when valid or when the operation has no JSON body).</summary>
    public IReadOnlyList<string> ValidateRequest(string operationId, string json) =>
        Validate(operationId, "request", () => Operation(operationId)["requestBody"]?["content"]?["application/json"]?["schema"], json);

    /// <summary>Validates a response body for the status code the spec documents; an undocumented status is itself a violation.</summary>
    public IReadOnlyList<string> ValidateResponse(string operationId, int status, string json)
    {
        var responses = Operation(operationId)["responses"]!.AsObject();
        if (!responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return [$"{operationId}: status {status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        return Validate(operationId, "response " + status, () => Resolve(responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)])?["content"]?["application/json"]?["schema"], json);
    }

    private IReadOnlyList<string> Validate(string operationId, string what, Func<JsonNode?> schemaNode, string json)
    {
        JsonSchema? schema;
        lock (_lock)
        {
            var key = operationId + " " + what;
            if (!_schemas.TryGetValue(key, out schema))
            {
                _schemas[key] = schema = schemaNode() is { } node ? Compile(node) : null;
            }
        }

        if (schema is null)
        {
            return [];
        }

        var result = schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{operationId} {what}: {d.InstanceLocation}: {e.Value}")).ToList();
    }

    private JsonSchema Compile(JsonNode schema)
    {
        var defs = new JsonObject();
        foreach (var (name, node) in _spec["components"]!["schemas"]!.AsObject())
        {
            defs[name] = ToJsonSchema(node!, inProperties: false);
        }

        var root = ToJsonSchema(schema, inProperties: false).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = defs;
        return JsonSchema.FromText(root.ToJsonString());
    }

    /// <summary>OpenAPI 3.0 -> JSON Schema: nullable:true becomes anyOf [x, null]; refs move to $defs; "example" is dropped.</summary>
    private static JsonNode ToJsonSchema(JsonNode node, bool inProperties)
    {
        switch (node)
        {
            case JsonArray a:
                return new JsonArray(a.Select(x => x is null ? null : ToJsonSchema(x, false)).ToArray());
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (!inProperties && key is "example" or "nullable" or "discriminator" or "xml" or "externalDocs")
                    {
                        continue;
                    }

                    copy[key] = key == "$ref" && !inProperties
                        ? value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)
                        : value is null ? null : ToJsonSchema(value, inProperties: !inProperties && key is "properties" or "patternProperties");
                }

                return !inProperties && o["nullable"]?.GetValue<bool>() == true
                    ? new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) }
                    : copy;
            default:
                return node.DeepClone();
        }
    }

    private JsonNode? Resolve(JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } r && r.StartsWith("#/components/", StringComparison.Ordinal)
            ? Resolve(_spec["components"]![r.Split('/')[2]]![r.Split('/')[3]])
            : node;

    private JsonObject Operation(string id) =>
        Operations().FirstOrDefault(o => o.Id == id).Node ?? throw new ArgumentException($"operation {id} is not in the releases subset", nameof(id));

    private IEnumerable<(string Id, JsonObject Node)> Operations() =>
        _spec["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Where(m => m.Value is JsonObject op && op["operationId"] is not null)
            .Select(m => (m.Value!["operationId"]!.GetValue<string>(), m.Value!.AsObject()));

    private static JsonObject LoadSubset()
    {
        var cache = CacheDirectory();
        var subset = Path.Combine(cache, $"openapi-releases-{Version}.json");
        if (!File.Exists(subset))
        {
            var tgz = Path.Combine(cache, $"octokit-openapi-{Version}.tgz");
            if (!File.Exists(tgz))
            {
                throw new InvalidOperationException($"{tgz} is missing. Fetch the fixture: .ci/fetch-fixtures (npm pack @octokit/openapi@{Version} into tests/.cache/).");
            }

            var hash = "sha512-" + Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(tgz)));
            if (hash != Integrity)
            {
                throw new InvalidOperationException($"{tgz} does not match the pinned integrity {Integrity} (got {hash}). Delete it and fetch again.");
            }

            var text = ReleasesSubset(ReadFromPackage(tgz, "package/generated/api.github.com.json")).ToJsonString();
            File.WriteAllText(subset + ".tmp", text);
            File.Move(subset + ".tmp", subset, overwrite: true);
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

    private static string CacheDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tfwheel.slnx")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "tests", ".cache")).FullName;
            }
        }

        throw new InvalidOperationException("tfwheel.slnx not found above " + AppContext.BaseDirectory);
    }
}
