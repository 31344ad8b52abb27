namespace Tfwheel.Publish;

/// <summary>What Publish did.</summary>
/// <param name="Writes">Mutating requests sent (0 on a re-run with nothing to do).</param>
/// <param name="Draft">Whether the release is still a draft (publish.draft).</param>
public sealed record PublishResult(string Tag, long ReleaseId, string HtmlUrl, ReleaseOrigin Origin, bool Draft, IReadOnlyList<AssetStep> Steps, int Writes);
