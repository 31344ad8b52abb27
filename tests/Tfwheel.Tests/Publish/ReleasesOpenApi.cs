using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Tfwheel.Tests.Publish;

/// <summary>
/// The Releases part of GitHub's official OpenAPI description (<see cref="OpenApiFixture"/>), as a validator:
/// schemas are converted from OpenAPI 3.0 (nullable, #/components refs) to JSON Schema 2020-12 and checked
/// with JsonSchema.Net.
/// </summary>
public sealed class ReleasesOpenApi
{
    private static readonly Lazy<ReleasesOpenApi> Shared = new(() => new ReleasesOpenApi(OpenApiFixture.LoadReleasesSubset()));
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
}
