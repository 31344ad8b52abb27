using System.Globalization;
using System.Text.Json;

namespace Tfwheel.Tests.Publish;

public sealed partial class FakeGitHub
{
    private string ReleaseJson(FakeRelease r)
    {
        lock (_lock)
        {
            var api = $"{ApiUrl}repos/{Owner}/{Repo}";
            return JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["url"] = $"{api}/releases/{r.Id}",
                ["html_url"] = r.Draft ? $"https://github.com/{Owner}/{Repo}/releases/tag/untagged-{r.Id}" : $"https://github.com/{Owner}/{Repo}/releases/tag/{r.Tag}",
                ["assets_url"] = $"{api}/releases/{r.Id}/assets",
                // upload_url points back at this server, as GitHub's names uploads.github.com (GHES: HOST/api/uploads).
                ["upload_url"] = $"{UploadBaseUrl ?? BaseUrl}/api/uploads/repos/{Owner}/{Repo}/releases/{r.Id}/assets{{?name,label}}",
                ["tarball_url"] = r.Draft ? null : $"{api}/tarball/{r.Tag}",
                ["zipball_url"] = r.Draft ? null : $"{api}/zipball/{r.Tag}",
                ["id"] = r.Id,
                ["node_id"] = "RE_" + r.Id.ToString(CultureInfo.InvariantCulture),
                ["tag_name"] = r.Tag,
                ["target_commitish"] = "main",
                ["name"] = r.Name,
                ["body"] = r.Body,
                ["draft"] = r.Draft,
                ["prerelease"] = r.Prerelease,
                ["immutable"] = r.Immutable,
                ["created_at"] = Date(r.CreatedAt),
                ["published_at"] = r.PublishedAt is { } p ? Date(p) : null,
                ["updated_at"] = Date(r.CreatedAt),
                ["author"] = User(),
                ["assets"] = r.Assets.Select(a => JsonDocument.Parse(AssetJson(a)).RootElement).ToList(),
            });
        }
    }

    private string AssetJson(FakeAsset a) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["url"] = $"{ApiUrl}repos/{Owner}/{Repo}/releases/assets/{a.Id}",
        ["browser_download_url"] = $"https://github.com/{Owner}/{Repo}/releases/download/x/{a.Name}",
        ["id"] = a.Id,
        ["node_id"] = "RA_" + a.Id.ToString(CultureInfo.InvariantCulture),
        ["name"] = a.Name,
        ["label"] = null,
        ["state"] = a.State,
        ["content_type"] = a.ContentType,
        ["size"] = a.Size,
        ["digest"] = a.Sha256 is null ? null : "sha256:" + a.Sha256,
        ["download_count"] = 0,
        ["created_at"] = Date(a.CreatedAt),
        ["updated_at"] = Date(a.CreatedAt),
        ["uploader"] = User(),
    });

    private static Dictionary<string, object?> User() => new()
    {
        ["login"] = "tfwheel-bot",
        ["id"] = 1,
        ["node_id"] = "U_1",
        ["avatar_url"] = "https://avatars.githubusercontent.com/u/1",
        ["gravatar_id"] = "",
        ["url"] = "https://api.github.com/users/tfwheel-bot",
        ["html_url"] = "https://github.com/tfwheel-bot",
        ["followers_url"] = "https://api.github.com/users/tfwheel-bot/followers",
        ["following_url"] = "https://api.github.com/users/tfwheel-bot/following{/other_user}",
        ["gists_url"] = "https://api.github.com/users/tfwheel-bot/gists{/gist_id}",
        ["starred_url"] = "https://api.github.com/users/tfwheel-bot/starred{/owner}{/repo}",
        ["subscriptions_url"] = "https://api.github.com/users/tfwheel-bot/subscriptions",
        ["organizations_url"] = "https://api.github.com/users/tfwheel-bot/orgs",
        ["repos_url"] = "https://api.github.com/users/tfwheel-bot/repos",
        ["events_url"] = "https://api.github.com/users/tfwheel-bot/events{/privacy}",
        ["received_events_url"] = "https://api.github.com/users/tfwheel-bot/received_events",
        ["type"] = "User",
        ["site_admin"] = false,
    };

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
