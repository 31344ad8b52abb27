using System.Net;

namespace Tfwheel.Publish;

/// <summary>A failed upload request made with our own HttpClient (Octokit raises its own ApiException for the others).</summary>
internal sealed class GitHubHttpException(HttpStatusCode status, IReadOnlyDictionary<string, string> headers, string message)
    : Exception($"HTTP {(int)status}: {message}")
{
    public HttpStatusCode StatusCode { get; } = status;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
}
