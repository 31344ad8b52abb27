namespace Tfwheel.Publish;

/// <summary>A file from artifacts/&lt;recipe&gt;/ that becomes a release asset under <see cref="Name"/>.</summary>
/// <param name="Sha256">Lower-case hex.</param>
public sealed record LocalAsset(string Name, string Path, long Size, string Sha256, string ContentType);
