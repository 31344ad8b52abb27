namespace Tfwheel.Publish;

/// <summary>
/// Where the token may travel: the configured REST API's origin and GitHub's matching uploads origin, nowhere
/// else. api.github.com uploads to uploads.github.com; GitHub Enterprise Server (https://HOST/api/v3/) uploads to
/// https://HOST/api/uploads/ (GitHub's OpenAPI description, operation repos/upload-release-asset, "servers").
/// HTTPS only; plain HTTP only to a loopback address, for a local test server.
/// </summary>
public sealed class GitHubEndpoints
{
    private GitHubEndpoints(Uri api, Uri uploads)
    {
        Api = api;
        Uploads = uploads;
    }

    /// <summary>The REST root, ending in '/'.</summary>
    public Uri Api { get; }

    /// <summary>The uploads root upload_url must lie under.</summary>
    public Uri Uploads { get; }

    /// <summary>Why <paramref name="apiUrl"/> cannot carry a token, or null when it can (https, or http to a loopback host).</summary>
    public static string? Problem(string apiUrl) =>
        !Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            ? "publish.api-url is not an http(s) URL. Use https://api.github.com/ or https://HOST/api/v3/ for GitHub Enterprise Server."
            : uri.UserInfo.Length > 0
                ? "publish.api-url must not hold credentials (user:password@). The token comes from GITHUB_TOKEN or GH_TOKEN."
                : uri.Scheme == "http" && !uri.IsLoopback
                    ? $"publish.api-url is plain http to {uri.Host}, which would send the token unencrypted. Use https:// (plain http is only accepted for a loopback test server)."
                    : null;

    /// <summary>The endpoints for a REST root as <see cref="GitHubReleaseApi.ApiBaseAddress"/> normalised it.</summary>
    public static GitHubEndpoints For(Uri api)
    {
        if (Problem(api.AbsoluteUri) is { } problem)
        {
            throw new PublishException("publish: " + problem);
        }

        var uploads = api.Host == "api.github.com" ? new Uri("https://uploads.github.com/")
            : api.AbsolutePath.EndsWith("/api/v3/", StringComparison.Ordinal) ? new Uri(api, "../uploads/")
            : new Uri(api, "/");
        return new GitHubEndpoints(api, uploads);
    }

    /// <summary>Throws unless <paramref name="uri"/> is an upload URL under <see cref="Uploads"/>: GitHub's answer names it, and the token must not follow a tampered or misconfigured one.</summary>
    public void EnsureUpload(Uri uri)
    {
        if (!Under(uri, Uploads))
        {
            throw new PublishException($"publish: the release's upload_url points at {Origin(uri)}{uri.AbsolutePath}, outside the uploads root {Uploads} that belongs to publish.api-url ({Api}); tfwheel does not send the token there. Check publish.api-url, or whatever proxy rewrites GitHub's answers.");
        }
    }

    /// <summary>Throws unless <paramref name="uri"/> (a pagination Link) is under the REST root.</summary>
    public void EnsureApi(Uri uri)
    {
        if (!Under(uri, Api))
        {
            throw new PublishException($"publish: GitHub's next-page link points at {Origin(uri)}{uri.AbsolutePath}, outside publish.api-url ({Api}); tfwheel does not send the token there. Check publish.api-url, or whatever proxy rewrites GitHub's answers.");
        }
    }

    private static bool Under(Uri uri, Uri root) =>
        uri.IsAbsoluteUri
        && string.Equals(Origin(uri), Origin(root), StringComparison.OrdinalIgnoreCase)
        && uri.UserInfo.Length == 0
        && uri.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);

    /// <summary>scheme://host:port, never the user-info part.</summary>
    private static string Origin(Uri uri) => $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
}
