using System.Net.Http.Headers;
using System.Text.Json;

namespace Tfwheel.Publish;

/// <summary>
/// Uploads one asset with our own HttpClient, streaming the file from disk. Octokit's HttpClientAdapter clones
/// every request body into a MemoryStream (octokit.net Octokit/Http/HttpClientAdapter.cs), which would hold a
/// whole wheel, twice, in memory; this sends a StreamContent with Content-Length, so memory stays bounded.
/// </summary>
internal sealed class AssetUploader(HttpClient http, GitHubToken? token, GitHubEndpoints endpoints)
{
    /// <summary>POSTs <paramref name="asset"/> to the release's upload_url under <paramref name="name"/>; a fresh file stream per call.</summary>
    public async Task<RemoteAsset> UploadAsync(string uploadUrlTemplate, LocalAsset asset, string name, TimeSpan timeout, CancellationToken ct)
    {
        var uri = UploadUri(uploadUrlTemplate, name);
        endpoints.EnsureUpload(uri);
        await using var file = new FileStream(asset.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (file.Length != asset.Size)
        {
            throw new PublishException($"publish: {asset.Path} changed size since it was hashed ({asset.Size} -> {file.Length} bytes). Do not modify artifacts while Publish runs; re-run it.");
        }

        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue(asset.ContentType);
        content.Headers.ContentLength = asset.Size;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.ParseAdd("tfwheel");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
        var body = await response.Content.ReadAsStringAsync(deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            throw new GitHubHttpException(response.StatusCode, headers, Summary(body));
        }

        return GitHubJson.Asset(JsonDocument.Parse(body).RootElement);
    }

    /// <summary>
    /// Expands GitHub's RFC 6570 "…/assets{?name,label}" with the name percent-encoded: an unencoded '+' would
    /// arrive as a space and be renamed to '.' (microsoft/azure-pipelines-tasks#14275); %2B is kept.
    /// </summary>
    internal static Uri UploadUri(string template, string name)
    {
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        var bare = brace < 0 ? template : template[..brace];
        return Uri.TryCreate(bare + "?name=" + Uri.EscapeDataString(name), UriKind.Absolute, out var uri)
            ? uri
            : throw new PublishException($"publish: the release's upload_url '{(bare.Length > 200 ? bare[..200] : bare)}' is not an absolute URL. Check publish.api-url points at GitHub's REST API.");
    }

    private static string Summary(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
            var codes = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? string.Join(", ", errors.EnumerateArray().Select(x => x.TryGetProperty("code", out var c) ? c.GetString() : null).Where(c => c is not null))
                : "";
            return codes.Length == 0 ? message ?? "" : $"{message} ({codes})";
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
