using System.Text.Json;
using Octokit;

namespace Tfwheel.Publish;

/// <summary>
/// Preflight, read-only: token, repository access, the release for the tag (published via the tag lookup,
/// drafts by listing), and, once built, the artifacts against GitHub's limits and the release's assets.
/// </summary>
internal static class ReleaseAssessor
{
    /// <summary>Enforced since July 2025: "file_count limited to 1000 assets".</summary>
    public const int MaxAssetsPerRelease = 1000;

    public static async Task<ReleaseAssessment> AssessAsync(GitHubReleaseApi api, PublishRequest request, bool requireToken, CancellationToken ct, bool ignoreArtifacts = false)
    {
        var checks = new List<string>();
        var problems = new List<string>();
        if (request.Token is null)
        {
            if (requireToken)
            {
                problems.Add("publish: no GitHub token. Set GITHUB_TOKEN (or GH_TOKEN) to a token with contents:write on " + request.RepositoryFullName + "; tokens never go in recipes.");
                return new ReleaseAssessment(ReleaseOrigin.Create, null, [], null, [], checks, problems);
            }

            checks.Add("token: none (reading anonymously)");
        }
        else
        {
            checks.Add($"token: from {request.Token.Source}");
        }

        if (!await CheckRepositoryAsync(api, request, checks, problems, ct))
        {
            return new ReleaseAssessment(ReleaseOrigin.Create, null, [], null, [], checks, problems);
        }

        var (origin, release) = await FindReleaseAsync(api, request.Tag, problems, ct);
        checks.Add(origin switch
        {
            ReleaseOrigin.Published => $"release: {request.Tag} is published (id {release!.Id}{(release.Immutable ? ", immutable" : "")})",
            ReleaseOrigin.AdoptDraft => $"release: adopting draft {release!.Id} for {request.Tag}",
            _ => $"release: none for {request.Tag}; a draft will be created",
        });
        if (release is not null && UploadProblem(api, release) is { } badUpload)
        {
            problems.Add(badUpload);
        }

        var remote = release is null ? [] : await api.ListAssetsAsync(release.Id, ct);
        if (ignoreArtifacts || !ArtifactSet.Exists(request.ArtifactsDirectory))
        {
            checks.Add($"artifacts: {(ignoreArtifacts ? "to be built" : "not built yet")} in {request.ArtifactsDirectory}; checked again before uploading");
            if (release is { Immutable: true, Draft: false })
            {
                problems.Add($"publish: release {request.Tag} is published and immutable; GitHub refuses new assets on it. Use a new tag (publish.tag) for this build.");
            }

            return new ReleaseAssessment(origin, release, remote, null, [], checks, problems);
        }

        var artifacts = await ArtifactSet.LoadAsync(request.ArtifactsDirectory, ct);
        var steps = ReleaseReconciler.Reconcile(artifacts.Assets, remote, request.ReplaceAssets);
        var stale = ReleaseReconciler.Stale(artifacts.Assets, remote);
        CheckArtifacts(request, artifacts, remote, steps, checks, problems);
        CheckStale(request, stale, problems);
        var changes = steps.Where(s => s.Writes).Select(s => s.Local.Name).Concat(request.ReplaceAssets ? stale.Select(r => r.Name) : []).ToList();
        if (release is { Immutable: true, Draft: false } && changes.Count > 0)
        {
            problems.Add($"publish: release {request.Tag} is published and immutable, and {string.Join(", ", changes)} would change. Use a new tag (publish.tag) for this build.");
        }

        return new ReleaseAssessment(origin, release, remote, artifacts, steps, checks, problems) { Stale = stale };
    }

    private static async Task<bool> CheckRepositoryAsync(GitHubReleaseApi api, PublishRequest request, List<string> checks, List<string> problems, CancellationToken ct)
    {
        try
        {
            var repo = await api.GetRepositoryAsync(ct);
            var push = repo.TryGetProperty("permissions", out var p) && p.TryGetProperty("push", out var push1) && push1.ValueKind == JsonValueKind.True;
            if (request.Token is not null && !push)
            {
                problems.Add($"publish: the token from {request.Token.Source} cannot write to {request.RepositoryFullName}. Give it contents:write (fine-grained) or the repo scope (classic).");
            }

            checks.Add($"repository: {request.RepositoryFullName} reachable{(push ? ", write access" : "")}");
            return true;
        }
        catch (AuthorizationException)
        {
            problems.Add($"publish: GitHub rejected the token from {request.Token?.Source ?? "(none)"} (401). Create a new token and set it in GITHUB_TOKEN.");
        }
        catch (NotFoundException)
        {
            problems.Add($"publish: repository {request.RepositoryFullName} not found at {request.ApiUrl}, or the token cannot see it. Check publish.repository and publish.api-url.");
        }

        return false;
    }

    private static async Task<(ReleaseOrigin, RemoteRelease?)> FindReleaseAsync(GitHubReleaseApi api, string tag, List<string> problems, CancellationToken ct)
    {
        if (await api.GetPublishedReleaseAsync(tag, ct) is { } published)
        {
            return (ReleaseOrigin.Published, published);
        }

        var drafts = (await api.ListReleasesAsync(ct)).Where(r => r.Draft && r.TagName == tag).ToList();
        if (drafts.Count > 1)
        {
            problems.Add($"publish: {drafts.Count} draft releases for tag {tag} (ids {string.Join(", ", drafts.Select(d => d.Id))}); tfwheel will not guess which to use. Delete all but one on GitHub and re-run.");
        }

        return drafts.Count == 0 ? (ReleaseOrigin.Create, null) : (ReleaseOrigin.AdoptDraft, drafts[0]);
    }

    private static string? UploadProblem(GitHubReleaseApi api, RemoteRelease release)
    {
        try
        {
            api.Endpoints.EnsureUpload(AssetUploader.UploadUri(release.UploadUrl, "asset"));
            return null;
        }
        catch (PublishException e)
        {
            return e.Message;
        }
    }

    /// <summary>A wheel on the release that this run did not build would sit outside the SHA256SUMS this run uploads.</summary>
    private static void CheckStale(PublishRequest request, IReadOnlyList<RemoteAsset> stale, List<string> problems)
    {
        var wheels = stale.Where(r => ArtifactSet.IsWheel(r.Name)).Select(r => $"{r.Name} (sha256 {r.Sha256 ?? "unknown"})").ToList();
        if (wheels.Count > 0 && !request.ReplaceAssets)
        {
            problems.Add($"publish: release {request.Tag} holds {string.Join(", ", wheels)}, which this run did not build; the SHA256SUMS it uploads would not cover {(wheels.Count == 1 ? "that wheel" : "those wheels")}. Build every Python the release should hold in one run (the recipe's python list, or --python) so it keeps them, pass --replace-assets to delete {(wheels.Count == 1 ? "it" : "them")} and {(wheels.Count == 1 ? "its" : "their")} reports from the release, or use a new tag.");
        }
    }

    private static void CheckArtifacts(PublishRequest request, ArtifactSet artifacts, IReadOnlyList<RemoteAsset> remote, IReadOnlyList<AssetStep> steps, List<string> checks, List<string> problems)
    {
        WheelGate.Check(artifacts, request.AllowUnverified, checks, problems);
        foreach (var a in artifacts.Assets)
        {
            if (!AssetNameRules.SurvivesUpload(a.Name))
            {
                problems.Add($"publish: GitHub would rename asset '{a.Name}' to '{AssetNameRules.Sanitize(a.Name)}'. Rename the file (letters, digits, '.', '-', '_', '+', '@').");
            }
        }

        var ours = artifacts.Assets.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var total = remote.Count(r => !ours.Contains(r.Name)) + ours.Count;
        if (total > MaxAssetsPerRelease)
        {
            problems.Add($"publish: the release would hold {total} assets; GitHub allows {MaxAssetsPerRelease}. Use a new tag or delete old assets.");
        }

        foreach (var s in steps.Where(s => s.Action == AssetAction.Refuse))
        {
            problems.Add($"publish: {s.Local.Name} on release {request.Tag} has {s.Reason}. Pass --replace-assets to replace it, or use a new tag.");
        }

        checks.Add($"artifacts: {artifacts.Wheels.Count} wheel{(artifacts.Wheels.Count == 1 ? "" : "s")}, {artifacts.Assets.Count} assets");
    }
}
