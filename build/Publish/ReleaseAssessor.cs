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
        CheckArtifacts(request, artifacts, remote, steps, checks, problems);
        if (release is { Immutable: true, Draft: false } && steps.Any(s => s.Writes))
        {
            problems.Add($"publish: release {request.Tag} is published and immutable, and {string.Join(", ", steps.Where(s => s.Writes).Select(s => s.Local.Name))} would change. Use a new tag (publish.tag) for this build.");
        }

        return new ReleaseAssessment(origin, release, remote, artifacts, steps, checks, problems);
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

    private static void CheckArtifacts(PublishRequest request, ArtifactSet artifacts, IReadOnlyList<RemoteAsset> remote, IReadOnlyList<AssetStep> steps, List<string> checks, List<string> problems)
    {
        var p = artifacts.Provenance;
        var wheel = artifacts.Wheel;
        var (verify, smoke) = (p.Verify(wheel.Sha256), p.Smoke(wheel.Sha256));
        if (!p.IsVerifiedFor(wheel.Sha256) && !request.AllowUnverified)
        {
            var other = new[] { ("verify.json", verify, p.VerifyWheelSha256), ("smoke.json", smoke, p.SmokeWheelSha256) }
                .Where(r => r.Item2 == ReportVerdict.OtherWheel)
                .Select(r => $" {r.Item1} judged {(r.Item3 is null ? "a wheel it does not name (no wheel.sha256)" : "sha256 " + r.Item3)}, not this one.");
            problems.Add($"publish: {wheel.Name} (sha256 {wheel.Sha256}) is not verified and smoke-tested (verify: {Show(verify)}, smoke: {Show(smoke)}).{string.Concat(other)} Run Verify and Smoke on this wheel (the Wheel target), or pass --allow-unverified (the release notes will say so).");
        }

        if (p.WheelSha256 is { } recorded && !string.Equals(recorded, artifacts.Wheel.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"publish: {artifacts.Wheel.Name} has sha256 {artifacts.Wheel.Sha256} but manifest.json recorded {recorded}; the wheel changed after the build. Rebuild it (Wheel target) so manifest, verification and smoke results describe the file being published.");
        }

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

        checks.Add($"artifacts: {artifacts.Assets.Count} assets, verify {Show(verify)}, smoke {Show(smoke)} for {wheel.Name} (sha256 {wheel.Sha256})");
    }

    private static string Show(ReportVerdict v) => v switch
    {
        ReportVerdict.Passed => "ok",
        ReportVerdict.Failed => "failed",
        ReportVerdict.Missing => "missing",
        _ => "for another wheel",
    };
}
