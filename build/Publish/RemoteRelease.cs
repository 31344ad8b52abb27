namespace Tfwheel.Publish;

/// <summary>A release as GitHub reports it. <see cref="Immutable"/> comes from raw JSON (Octokit 14 lacks it).</summary>
/// <param name="UploadUrl">The RFC 6570 template GitHub returns, "https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}".</param>
public sealed record RemoteRelease(long Id, string TagName, bool Draft, bool Prerelease, bool Immutable, string UploadUrl, string Body, string HtmlUrl);
