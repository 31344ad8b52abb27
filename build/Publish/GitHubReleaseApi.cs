using System.Text.Json;
using Cake.Core.Diagnostics;
using Octokit;
using Tfwheel.Reporting;

namespace Tfwheel.Publish;

/// <summary>
/// The release calls Publish makes. Metadata goes through Octokit's <see cref="IConnection"/> (auth, error
/// mapping, rate-limit exceptions) and is read from the raw JSON, because Octokit 14's models lack
/// <c>digest</c> and <c>immutable</c> and hold asset ids in an int; uploads go through <see cref="AssetUploader"/>.
/// Every call is retried by <see cref="RetryPolicy"/>; every write waits its turn at the <see cref="WriteGate"/>.
/// </summary>
internal sealed class GitHubReleaseApi
{
    /// <summary>GitHub's recommended media type (docs "Getting started with the REST API").</summary>
    private const string Accept = "application/vnd.github+json";

    private readonly IConnection _connection;
    private readonly AssetUploader _uploader;
    private readonly RetryPolicy _retry;
    private readonly WriteGate _gate;
    private readonly PublishRequest _request;
    private readonly ICakeLog _log;
    private readonly string _repo;
    private readonly GitHubEndpoints _endpoints;

    public GitHubReleaseApi(PublishRequest request, HttpClient uploadClient, ICakeLog log)
    {
        var product = new ProductHeaderValue("tfwheel");
        var baseAddress = ApiBaseAddress(request.ApiUrl);
        _endpoints = GitHubEndpoints.For(baseAddress);
        // Connection, not GitHubClient(…, uri): GitHubClient rewrites any non-github.com host to /api/v3/ (FixUpBaseUri).
        _connection = request.Token is null
            ? new Connection(product, baseAddress)
            : new Connection(product, baseAddress, new Octokit.Internal.InMemoryCredentialStore(new Credentials(request.Token.Value, AuthenticationType.Bearer)));
        _uploader = new AssetUploader(uploadClient, request.Token, _endpoints);
        _retry = new RetryPolicy(request.Pacing, log, request.Token is null ? [] : [request.Token.Value]);
        _gate = new WriteGate(request.Pacing);
        _request = request;
        _log = log;
        _repo = $"repos/{Uri.EscapeDataString(request.Owner)}/{Uri.EscapeDataString(request.Repository)}";
    }

    /// <summary>The hosts the token may go to.</summary>
    public GitHubEndpoints Endpoints => _endpoints;

    /// <summary>Mutating requests sent so far (retries included).</summary>
    public int Writes => _gate.Writes;

    /// <summary>
    /// The REST root with a trailing '/' (without it relative URIs resolve against the parent segment). github.com
    /// means api.github.com; a bare GitHub Enterprise Server host gets its REST prefix /api/v3/, as Octokit's
    /// GitHubClient does; any other path is kept as given.
    /// </summary>
    internal static Uri ApiBaseAddress(string apiUrl)
    {
        var uri = new Uri(apiUrl.EndsWith('/') ? apiUrl : apiUrl + "/");
        return uri.Host is "github.com" or "www.github.com" ? new Uri("https://api.github.com/")
            : uri.AbsolutePath == "/" && uri.Host != "api.github.com" ? new Uri(uri, "/api/v3/")
            : uri;
    }

    public async Task<JsonElement> GetRepositoryAsync(CancellationToken ct) => await GetAsync(_repo, ct);

    /// <summary>GET releases/tags/{tag}: published releases only, drafts are never returned (OpenAPI repos/get-release-by-tag).</summary>
    public async Task<RemoteRelease?> GetPublishedReleaseAsync(string tag, CancellationToken ct)
    {
        try
        {
            return GitHubJson.Release(await GetAsync($"{_repo}/releases/tags/{Uri.EscapeDataString(tag)}", ct));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<RemoteRelease>> ListReleasesAsync(CancellationToken ct) =>
        (await GetAllPagesAsync($"{_repo}/releases", ct)).Select(GitHubJson.Release).ToList();

    public async Task<IReadOnlyList<RemoteAsset>> ListAssetsAsync(long releaseId, CancellationToken ct) =>
        (await GetAllPagesAsync($"{_repo}/releases/{releaseId}/assets", ct)).Select(GitHubJson.Asset).ToList();

    /// <summary>
    /// POST releases (draft). Before a retry it looks for the draft first: a create whose answer was lost has
    /// already made one, and a blind retry would leave two drafts for the tag.
    /// </summary>
    public Task<RemoteRelease> CreateDraftAsync(string tag, string body, bool prerelease, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["tag_name"] = tag, ["name"] = tag, ["body"] = body, ["draft"] = true, ["prerelease"] = prerelease });
        return _retry.RunAsync($"create draft release {tag}", async (attempt, token) =>
            attempt > 1 && (await ListReleasesAsync(token)).FirstOrDefault(r => r.Draft && r.TagName == tag) is { } made
                ? made
                : GitHubJson.Release(await SendAsync("POST", $"{_repo}/releases", $"create draft release {tag}", json, token)), ct);
    }

    /// <summary>PATCH releases/{id} with only the given fields.</summary>
    public async Task<RemoteRelease> UpdateReleaseAsync(long id, IReadOnlyDictionary<string, object> fields, string what, CancellationToken ct) =>
        GitHubJson.Release(await WriteAsync("PATCH", $"{_repo}/releases/{id}", what, JsonSerializer.Serialize(fields), ct));

    public async Task DeleteAssetAsync(RemoteAsset asset, CancellationToken ct)
    {
        try
        {
            await WriteAsync("DELETE", $"{_repo}/releases/assets/{asset.Id}", $"delete asset {asset.Name}", null, ct);
        }
        catch (NotFoundException)
        {
            // A retried DELETE whose first attempt succeeded but whose answer was lost: the asset is gone, as wanted.
        }
    }

    public async Task<RemoteAsset> RenameAssetAsync(RemoteAsset asset, string name, CancellationToken ct) =>
        GitHubJson.Asset(await WriteAsync("PATCH", $"{_repo}/releases/assets/{asset.Id}", $"rename asset {asset.Name} to {name}", JsonSerializer.Serialize(new { name }), ct));

    /// <summary>Uploads with retries; <paramref name="beforeRetry"/> runs before every attempt after the first: it clears a broken copy, or returns the asset when the previous attempt in fact completed.</summary>
    public Task<RemoteAsset> UploadAsync(RemoteRelease release, LocalAsset asset, string name, Func<CancellationToken, Task<RemoteAsset?>> beforeRetry, CancellationToken ct)
    {
        // Checked before the first attempt: the token never goes to a host upload_url names on its own.
        _endpoints.EnsureUpload(AssetUploader.UploadUri(release.UploadUrl, name));
        return _retry.RunAsync($"upload {name}", async (attempt, token) =>
        {
            if (attempt > 1 && await beforeRetry(token) is { } alreadyThere)
            {
                return alreadyThere;
            }

            await _gate.WaitTurnAsync(token);
            _log.InfoText($"+ POST upload {name} ({asset.Size:N0} bytes)");
            return await _uploader.UploadAsync(release.UploadUrl, asset, name, _request.Pacing.UploadTimeout, token);
        }, ct);
    }

    private Task<JsonElement> GetAsync(string path, CancellationToken ct) =>
        _retry.RunAsync($"GET {path}", async (_, token) => GitHubJson.Parse((await _connection.Get<object>(new Uri(path, UriKind.Relative), new Dictionary<string, string>(), Accept, token)).HttpResponse.Body), ct);

    private async Task<List<JsonElement>> GetAllPagesAsync(string path, CancellationToken ct)
    {
        var items = new List<JsonElement>();
        Uri? next = new(path, UriKind.Relative);
        var parameters = new Dictionary<string, string> { ["per_page"] = "100" };
        while (next is not null)
        {
            var page = next;
            var response = await _retry.RunAsync($"GET {path}", async (_, token) => await _connection.Get<object>(page, parameters, Accept, token), ct);
            items.AddRange(GitHubJson.Parse(response.HttpResponse.Body).EnumerateArray());
            // GitHub paginates with Link: <…?page=2>; rel="next" (docs "Using pagination in the REST API").
            // The link is absolute and Octokit would send the token to whatever host it names: only follow it under the API root.
            next = response.HttpResponse.ApiInfo.Links.TryGetValue("next", out var link) ? link : null;
            if (next is not null)
            {
                _endpoints.EnsureApi(next);
            }

            parameters = [];
        }

        return items;
    }

    private Task<JsonElement> WriteAsync(string method, string path, string what, string? json, CancellationToken ct) =>
        _retry.RunAsync(what, (_, token) => SendAsync(method, path, what, json, token), ct);

    /// <summary>One mutating request, once: waits its turn at the gate, echoes it, sends it.</summary>
    private async Task<JsonElement> SendAsync(string method, string path, string what, string? json, CancellationToken ct)
    {
        await _gate.WaitTurnAsync(ct);
        _log.InfoText($"+ {method} {path} ({what})");
        var uri = new Uri(path, UriKind.Relative);
        switch (method)
        {
            case "DELETE":
                await _connection.Delete(uri);
                return default;
            case "POST":
                return GitHubJson.Parse((await _connection.Post<object>(uri, json!, Accept, "application/json", (IDictionary<string, string>?)null, ct)).HttpResponse.Body);
            default:
                return GitHubJson.Parse((await _connection.Patch<object>(uri, json!, Accept)).HttpResponse.Body);
        }
    }
}

/// <summary>A release as GitHub reports it. <see cref="Immutable"/> comes from raw JSON (Octokit 14 lacks it).</summary>
/// <param name="UploadUrl">The RFC 6570 template GitHub returns, "https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}".</param>
public sealed record RemoteRelease(long Id, string TagName, bool Draft, bool Prerelease, bool Immutable, string UploadUrl, string Body, string HtmlUrl);

/// <summary>A release asset as GitHub reports it (parsed from raw JSON: Octokit 14 has no digest and an int id).</summary>
/// <param name="State">"uploaded" when complete; "starter"/"open" after a broken upload (OpenAPI repos/upload-release-asset).</param>
/// <param name="Digest">"sha256:&lt;hex&gt;", or null when GitHub has not computed one.</param>
public sealed record RemoteAsset(long Id, string Name, long Size, string State, string? Digest)
{
    public bool IsComplete => State == "uploaded";

    public string? Sha256 => Digest is { } d && d.StartsWith("sha256:", StringComparison.Ordinal) ? d["sha256:".Length..] : null;
}
