namespace Tfwheel.Publish;

/// <summary>What preflight found: the release (if any), its assets, our artifacts and the per-asset decisions.</summary>
/// <param name="Artifacts">Null when the wheels are not built yet (preflight in Setup).</param>
/// <param name="Problems">Blocking problems, each "what: why. how to fix"; empty when Publish may go ahead.</param>
public sealed record ReleaseAssessment(
    ReleaseOrigin Origin,
    RemoteRelease? Release,
    IReadOnlyList<RemoteAsset> RemoteAssets,
    ArtifactSet? Artifacts,
    IReadOnlyList<AssetStep> Steps,
    IReadOnlyList<string> Checks,
    IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Wheels of this distribution on the release that this run did not build, and their reports
    /// (<see cref="ReleaseReconciler.Stale"/>): deleted after the uploads with --replace-assets, a problem without.
    /// </summary>
    public IReadOnlyList<RemoteAsset> Stale { get; init; } = [];

    /// <summary>The release already holds this very set of wheels (names, sizes, SHA-256s) and no other: its notes and reports are kept.</summary>
    public bool HasSameWheels => Artifacts is { } a && Stale.Count == 0
        && a.Wheels.All(w => Steps.Any(s => s.Local.Name == w.Name && s.Action == AssetAction.Skip));

    /// <summary>The release's notes are replaced: it exists, does not hold this set of wheels yet, and says something else.</summary>
    public bool UpdatesNotes(string notes) => Release is not null && !HasSameWheels && Release.Body != notes;

    /// <summary>Throws one <see cref="PublishException"/> listing every problem.</summary>
    public void EnsureNoProblems()
    {
        if (Problems.Count > 0)
        {
            throw new PublishException(Problems.Count == 1 ? Problems[0] : "publish refused:\n  - " + string.Join("\n  - ", Problems));
        }
    }
}
