namespace Tfwheel.Publish;

/// <summary>Pure: the ordered API calls an assessment leads to. <see cref="ReleasePublisher"/> performs the same sequence.</summary>
public static class PublishPlanner
{
    public static IReadOnlyList<string> Calls(PublishRequest request, ReleaseAssessment a, string notes)
    {
        var repo = $"repos/{request.Owner}/{request.Repository}";
        var calls = new List<string>();
        var id = a.Release?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "{new}";
        calls.Add(a.Origin switch
        {
            ReleaseOrigin.Create => $"POST {repo}/releases: create draft release {request.Tag}",
            ReleaseOrigin.AdoptDraft => $"adopt draft release {id} for {request.Tag}",
            _ => $"use published release {id} for {request.Tag}",
        });
        if (a.UpdatesNotes(notes))
        {
            calls.Add($"PATCH {repo}/releases/{id}: update release notes");
        }

        foreach (var s in a.Steps)
        {
            if (s.Leftover is not null && s.Action != AssetAction.FinishReplace)
            {
                calls.Add($"DELETE {repo}/releases/assets/{s.Leftover.Id}: leftover {s.Leftover.Name}");
            }

            var name = s.Local.Name;
            calls.AddRange(s.Action switch
            {
                AssetAction.Skip => [$"skip {name}: {s.Reason}"],
                AssetAction.Upload => [$"POST upload {name} ({s.Local.Size:N0} bytes)"],
                AssetAction.ReplaceBroken => [$"DELETE {repo}/releases/assets/{s.Existing!.Id}: {name} {s.Reason}", $"POST upload {name} ({s.Local.Size:N0} bytes)"],
                AssetAction.Replace =>
                [
                    $"POST upload {name}{ReleaseReconciler.TemporarySuffix} ({s.Local.Size:N0} bytes): replacement, {s.Reason}",
                    $"DELETE {repo}/releases/assets/{s.Existing!.Id}: old {name}",
                    $"PATCH {repo}/releases/assets/{{replacement}}: rename to {name}",
                ],
                AssetAction.FinishReplace => [$"PATCH {repo}/releases/assets/{s.Leftover!.Id}: rename to {name} ({s.Reason})"],
                _ => [$"refuse {name}: {s.Reason}"],
            });
        }

        foreach (var stale in a.Stale.Where(r => request.ReplaceAssets || ArtifactSet.IsWheel(r.Name)))
        {
            calls.Add(request.ReplaceAssets
                ? $"DELETE {repo}/releases/assets/{stale.Id}: {stale.Name}, not built by this run (--replace-assets)"
                : $"refuse {stale.Name}: on the release but not built by this run; SHA256SUMS would not cover it");
        }

        var draftNow = a.Release?.Draft ?? true;
        if (draftNow && !request.Draft)
        {
            calls.Add($"PATCH {repo}/releases/{id}: publish (draft=false) after re-listing shows every asset complete");
        }

        return calls;
    }
}

/// <summary>The --dryrun output: the API calls Publish would make, in order, and what would stop it.</summary>
/// <param name="Calls">One line per call or decision, e.g. "POST repos/o/r/releases: create draft release TAG", "skip NAME: identical".</param>
public sealed record PublishPlan(IReadOnlyList<string> Calls, IReadOnlyList<string> Problems, ReleaseAssessment Assessment)
{
    public int PlannedWrites => Calls.Count(c => c.StartsWith("POST", StringComparison.Ordinal) || c.StartsWith("PATCH", StringComparison.Ordinal) || c.StartsWith("DELETE", StringComparison.Ordinal));
}
