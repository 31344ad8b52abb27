namespace Tfwheel.Tests.Publish;

/// <summary>A fault the fake GitHub injects into the next request matching <see cref="Method"/> and <see cref="PathContains"/>.</summary>
public sealed record FakeFault(string Method, string PathContains, int Status, string Body, IReadOnlyDictionary<string, string> Headers, FaultMode Mode = FaultMode.Respond)
{
    /// <summary>Take the upload's body, leave a "starter" asset, answer 502 (OpenAPI repos/upload-release-asset).</summary>
    public static FakeFault UploadCut(string assetName) => new("POST", "name=" + Uri.EscapeDataString(assetName), 502, "<html>502 Bad Gateway</html>", new Dictionary<string, string>(), FaultMode.CutUpload);

    /// <summary>Perform the request, then answer 502: the write happened but the client cannot know.</summary>
    public static FakeFault LostAnswer(string method, string pathContains) => new(method, pathContains, 502, "<html>502 Bad Gateway</html>", new Dictionary<string, string>(), FaultMode.AcceptThenFail);

    /// <summary>Reset the connection without an answer (a network error).</summary>
    public static FakeFault DropConnection(string method, string pathContains) => new(method, pathContains, 0, "", new Dictionary<string, string>(), FaultMode.DropConnection);

    public static FakeFault ServerError(string method, string pathContains, int status = 503) =>
        new(method, pathContains, status, """{"message":"Service Unavailable"}""", new Dictionary<string, string>());

    public static FakeFault TooManyRequests(string method, string pathContains, int retryAfterSeconds) =>
        new(method, pathContains, 429, """{"message":"Too Many Requests"}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>GitHub's secondary limit: 403, body naming it, Retry-After (docs "Rate limits for the REST API").</summary>
    public static FakeFault SecondaryRateLimit(string method, string pathContains, int retryAfterSeconds) =>
        new(method, pathContains, 403, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""",
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>GitHub's primary limit: 403, "API rate limit exceeded", X-RateLimit-Remaining 0 and the reset epoch.</summary>
    public static FakeFault PrimaryRateLimit(string method, string pathContains, DateTimeOffset reset) =>
        new(method, pathContains, 403, """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""",
            new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5000",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Used"] = "5000",
                ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
}
