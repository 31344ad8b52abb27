using Cake.Core.Diagnostics;
using Octokit;
using Tfwheel.Processes;
using Tfwheel.Reporting;

namespace Tfwheel.Publish;

/// <summary>
/// Publishes artifacts/&lt;recipe&gt;/ (a wheel per Python) as one GitHub release, safe to re-run and never
/// half-published: find or create a draft, reconcile each asset by name, size and SHA-256, stream uploads with
/// retries, delete (--replace-assets) wheels the run did not build, and undraft last, once a fresh listing shows
/// every asset complete. The Publish task calls these; Setup calls
/// <see cref="PreflightAsync"/> before any long work.
/// </summary>
public sealed class ReleasePublisher(ICakeLog log)
{
    /// <summary>Read-only checks; throws <see cref="PublishException"/> listing every blocking problem. Artifact checks run when the wheel exists.</summary>
    public Task<ReleaseAssessment> PreflightAsync(PublishRequest request, CancellationToken ct) => PreflightAsync(request, beforeBuild: false, ct);

    /// <summary>
    /// As <see cref="PreflightAsync(PublishRequest, CancellationToken)"/>; with <paramref name="beforeBuild"/> (Setup, before Compile) the
    /// artifacts directory is ignored, since a wheel there is a stale one the build will replace.
    /// </summary>
    public Task<ReleaseAssessment> PreflightAsync(PublishRequest request, bool beforeBuild, CancellationToken ct) =>
        GuardAsync(request, async api =>
        {
            var assessment = await ReleaseAssessor.AssessAsync(api, request, requireToken: true, ct, ignoreArtifacts: beforeBuild);
            foreach (var check in assessment.Checks)
            {
                log.InfoText("preflight: " + check);
            }

            assessment.EnsureNoProblems();
            return assessment;
        });

    /// <summary>--dryrun: the API calls Publish would make. Reads only (anonymously when no token is set); writes nothing to GitHub.</summary>
    public Task<PublishPlan> PlanAsync(PublishRequest request, CancellationToken ct) =>
        GuardAsync(request, async api =>
        {
            var assessment = await ReleaseAssessor.AssessAsync(api, request, requireToken: false, ct);
            var notes = assessment.Artifacts is null ? "" : ReleaseNotes.Build(request.Tag, assessment.Artifacts);
            var problems = assessment.Artifacts is null
                ? [.. assessment.Problems, $"publish: no wheel in {request.ArtifactsDirectory} yet, so no asset can be planned. Run the Wheel target first."]
                : assessment.Problems;
            var plan = new PublishPlan(PublishPlanner.Calls(request, assessment, notes), problems, assessment);
            foreach (var call in plan.Calls)
            {
                log.InfoText("dryrun: " + call);
            }

            foreach (var problem in plan.Problems)
            {
                log.WarningText("dryrun: would refuse: " + problem);
            }

            return plan;
        });

    /// <summary>Publishes. Throws <see cref="PublishException"/> (exit code 10) when refused or when GitHub keeps failing; re-running resumes.</summary>
    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct) =>
        GuardAsync(request, async api =>
        {
            var a = await ReleaseAssessor.AssessAsync(api, request, requireToken: true, ct);
            a.EnsureNoProblems();
            var artifacts = a.Artifacts ?? throw new PublishException($"publish: no wheel in {request.ArtifactsDirectory}. Run the Wheel target first.");
            var notes = ReleaseNotes.Build(request.Tag, artifacts);
            if (a.HasSameWheels)
            {
                log.InfoText($"{request.Tag} already has {string.Join(", ", artifacts.Wheels.Select(w => $"{w.Name} (sha256 {w.Sha256})"))}: its notes and reports from the run that published {(artifacts.Wheels.Count == 1 ? "it" : "them")} are kept");
            }

            var release = a.Release ?? await CreateDraftAsync(api, request, notes, ct);
            if (a.UpdatesNotes(notes))
            {
                release = await api.UpdateReleaseAsync(release.Id, new Dictionary<string, object> { ["body"] = notes }, "update release notes", ct);
            }

            // The assessment reconciled against the release's assets a moment ago (none for a new draft); Plan shows
            // these same steps, and the fresh listing before undrafting catches anything that changed meanwhile.
            var runner = new AssetStepRunner(api, release);
            foreach (var step in a.Steps)
            {
                log.InfoText($"{step.Local.Name}: {step.Action} ({step.Reason})");
                await runner.RunAsync(step, ct);
            }

            // Last, once the new SHA256SUMS is up: until then the release still offers what it offered before.
            var removed = request.ReplaceAssets ? a.Stale : [];
            foreach (var stale in removed)
            {
                log.InfoText($"{stale.Name}: Delete (not built by this run; --replace-assets)");
                await api.DeleteAssetAsync(stale, ct);
            }

            await EnsureCompleteAsync(api, release, artifacts, ct);
            if (release.Draft && !request.Draft)
            {
                release = await api.UpdateReleaseAsync(release.Id, new Dictionary<string, object> { ["draft"] = false, ["prerelease"] = request.Prerelease, ["make_latest"] = "false" }, "publish release", ct);
            }

            log.InfoText($"published {request.Tag}: {release.HtmlUrl} ({(release.Draft ? "draft" : "public")}, {api.Writes} writes)");
            return new PublishResult(request.Tag, release.Id, release.HtmlUrl, a.Origin, release.Draft, a.Steps, api.Writes) { Removed = removed.Select(r => r.Name).ToList() };
        });

    private static async Task<RemoteRelease> CreateDraftAsync(GitHubReleaseApi api, PublishRequest request, string notes, CancellationToken ct)
    {
        var created = await api.CreateDraftAsync(request.Tag, notes, request.Prerelease, ct);
        // Two runs racing may both create a draft (softprops/action-gh-release lists again for the same reason).
        var drafts = (await api.ListReleasesAsync(ct)).Where(r => r.Draft && r.TagName == request.Tag).ToList();
        if (drafts.Count > 1)
        {
            throw new PublishException($"publish: another run created a draft for {request.Tag} at the same time (ids {string.Join(", ", drafts.Select(d => d.Id))}). Delete the extra drafts on GitHub and re-run.");
        }

        return created;
    }

    /// <summary>Undraft only on a fresh listing that shows every asset complete with the right size and digest.</summary>
    private static async Task EnsureCompleteAsync(GitHubReleaseApi api, RemoteRelease release, ArtifactSet artifacts, CancellationToken ct)
    {
        var remote = await api.ListAssetsAsync(release.Id, ct);
        var bad = ReleaseReconciler.Reconcile(artifacts.Assets, remote, replaceAssets: false).Where(s => s.Action != AssetAction.Skip).ToList();
        if (bad.Count > 0)
        {
            throw new PublishException($"publish: after uploading, the release still lacks complete copies of {string.Join(", ", bad.Select(s => $"{s.Local.Name} ({s.Reason})"))}; it stays a draft. Re-run Publish.");
        }

        if (ReleaseReconciler.Stale(artifacts.Assets, remote).Where(r => ArtifactSet.IsWheel(r.Name)).ToList() is { Count: > 0 } stale)
        {
            throw new PublishException($"publish: after uploading, the release still holds {string.Join(", ", stale.Select(r => r.Name))}, which SHA256SUMS does not cover; it stays a draft. Re-run Publish (with --replace-assets to delete {(stale.Count == 1 ? "it" : "them")}).");
        }
    }

    private async Task<T> GuardAsync<T>(PublishRequest request, Func<GitHubReleaseApi, Task<T>> body)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        var secrets = request.Token is null ? Array.Empty<string>() : [request.Token.Value];
        try
        {
            return await body(new GitHubReleaseApi(request, http, log));
        }
        catch (PublishException e)
        {
            throw new PublishException(Redactor.Redact(e.Message, secrets));
        }
        catch (RateLimitExceededException e)
        {
            throw new PublishException($"publish: GitHub's API rate limit for this token is exhausted until {e.Reset:u}, longer than tfwheel waits. Re-run Publish after that time; it resumes where it stopped.");
        }
        catch (ApiException e)
        {
            throw new PublishException(Redactor.Redact($"publish: GitHub answered HTTP {(int)e.StatusCode}: {e.Message}. Check publish.repository, publish.api-url and the token's permissions.", secrets));
        }
        catch (GitHubHttpException e)
        {
            throw new PublishException(Redactor.Redact($"publish: upload failed: {e.Message}. Re-run Publish; it resumes where it stopped.", secrets));
        }
        catch (HttpRequestException e)
        {
            throw new PublishException(Redactor.Redact($"publish: cannot reach {request.ApiUrl}: {e.Message}. Check the network and publish.api-url.", secrets));
        }
    }
}

/// <summary>What Publish did.</summary>
/// <param name="Writes">Mutating requests sent (0 on a re-run with nothing to do).</param>
/// <param name="Draft">Whether the release is still a draft (publish.draft).</param>
public sealed record PublishResult(string Tag, long ReleaseId, string HtmlUrl, ReleaseOrigin Origin, bool Draft, IReadOnlyList<AssetStep> Steps, int Writes)
{
    /// <summary>Release assets deleted because this run did not build them (--replace-assets): wheels of the distribution and their reports.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
}
