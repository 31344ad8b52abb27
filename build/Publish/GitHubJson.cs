using System.Text.Json;

namespace Tfwheel.Publish;

/// <summary>Reads GitHub's release and asset JSON (OpenAPI schemas <c>release</c>, <c>release-asset</c>) into our records.</summary>
internal static class GitHubJson
{
    public static RemoteRelease Release(JsonElement e) => new(
        e.GetProperty("id").GetInt64(),
        e.GetProperty("tag_name").GetString() ?? "",
        e.GetProperty("draft").GetBoolean(),
        e.GetProperty("prerelease").GetBoolean(),
        e.TryGetProperty("immutable", out var i) && i.ValueKind == JsonValueKind.True,
        e.GetProperty("upload_url").GetString() ?? "",
        e.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "",
        e.TryGetProperty("html_url", out var h) ? h.GetString() ?? "" : "");

    public static RemoteAsset Asset(JsonElement e) => new(
        e.GetProperty("id").GetInt64(),
        e.GetProperty("name").GetString() ?? "",
        e.GetProperty("size").GetInt64(),
        e.GetProperty("state").GetString() ?? "",
        e.TryGetProperty("digest", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);

    public static JsonElement Parse(object? body) =>
        JsonDocument.Parse(body as string ?? throw new PublishException("publish: GitHub answered without a JSON body. Check publish.api-url points at the REST API (https://HOST/api/v3/ for GitHub Enterprise).")).RootElement;
}
