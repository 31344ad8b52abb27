namespace Tfwheel.Publish;

/// <summary>A release asset as GitHub reports it (parsed from raw JSON: Octokit 14 has no digest and an int id).</summary>
/// <param name="State">"uploaded" when complete; "starter"/"open" after a broken upload (OpenAPI repos/upload-release-asset).</param>
/// <param name="Digest">"sha256:&lt;hex&gt;", or null when GitHub has not computed one.</param>
public sealed record RemoteAsset(long Id, string Name, long Size, string State, string? Digest)
{
    public bool IsComplete => State == "uploaded";

    public string? Sha256 => Digest is { } d && d.StartsWith("sha256:", StringComparison.Ordinal) ? d["sha256:".Length..] : null;
}
