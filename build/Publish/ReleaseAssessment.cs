namespace Tfwheel.Publish;

/// <summary>What preflight found: the release (if any), its assets, our artifacts and the per-asset decisions.</summary>
/// <param name="Artifacts">Null when the wheel is not built yet (preflight in Setup).</param>
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
    /// <summary>The release already holds this very wheel (name, size, SHA-256): its notes and reports are kept.</summary>
    public bool HasSameWheel => Artifacts is { } a && Steps.Any(s => s.Local.Name == a.Wheel.Name && s.Action == AssetAction.Skip);

    /// <summary>The release's notes are replaced: it exists, does not hold this wheel yet, and says something else.</summary>
    public bool UpdatesNotes(string notes) => Release is not null && !HasSameWheel && Release.Body != notes;

    /// <summary>Throws one <see cref="PublishException"/> listing every problem.</summary>
    public void EnsureNoProblems()
    {
        if (Problems.Count > 0)
        {
            throw new PublishException(Problems.Count == 1 ? Problems[0] : "publish refused:\n  - " + string.Join("\n  - ", Problems));
        }
    }
}
