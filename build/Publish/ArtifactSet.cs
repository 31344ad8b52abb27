using Tfwheel.Files;

namespace Tfwheel.Publish;

/// <summary>
/// The files Publish uploads from artifacts/&lt;recipe&gt;/: the wheel, SHA256SUMS (written here, sha256sum's
/// "HASH  NAME" format), manifest.json, verify.json and smoke.json (those present), in upload order.
/// SHA256SUMS lists the wheel only: the wheel is the release's identity, while the reports record a run (times,
/// durations, temporary paths) and differ on every run, so the same wheel always gives the same SHA256SUMS.
/// GitHub's per-asset <c>digest</c> covers the reports.
/// </summary>
public sealed record ArtifactSet(IReadOnlyList<LocalAsset> Assets, BuildProvenance Provenance)
{
    public const string ChecksumsName = "SHA256SUMS";

    /// <summary>GitHub's per-asset limit: "size must be less than or equal to 2147483648" (cli/cli#10182).</summary>
    public const long MaxAssetBytes = 2L * 1024 * 1024 * 1024;

    private static readonly string[] Reports = ["manifest.json", "verify.json", "smoke.json"];

    public LocalAsset Wheel => Assets[0];

    /// <summary>True for the wheel, the asset that identifies the release's content; false for SHA256SUMS and the reports.</summary>
    public static bool IsWheel(string assetName) => assetName.EndsWith(".whl", StringComparison.Ordinal);

    /// <summary>True when the directory holds a wheel (so the build has run); preflight before the build skips the artifact checks.</summary>
    public static bool Exists(string directory) => Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.whl").Any();

    /// <summary>Hashes the files (streaming, any size), writes SHA256SUMS atomically and returns the set.</summary>
    public static async Task<ArtifactSet> LoadAsync(string directory, CancellationToken ct)
    {
        var wheels = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.whl") : [];
        if (wheels.Length != 1)
        {
            throw new PublishException(wheels.Length == 0
                ? $"publish: no wheel in {directory}. Run the Wheel target first (or Compile, Verify and Smoke)."
                : $"publish: {wheels.Length} wheels in {directory} ({string.Join(", ", wheels.Select(Path.GetFileName))}). Remove the stale ones; Publish uploads exactly one.");
        }

        var files = new List<string> { wheels[0] };
        files.AddRange(Reports.Select(r => Path.Combine(directory, r)).Where(File.Exists));
        // Checked before hashing, so an oversized wheel fails at once rather than after reading gigabytes.
        if (files.Select(f => new FileInfo(f)).FirstOrDefault(f => f.Length > MaxAssetBytes) is { } big)
        {
            throw new PublishException($"publish: {big.Name} is {big.Length:N0} bytes; GitHub's limit per release asset is 2 GiB (2,147,483,648 bytes). Shrink the wheel (strip debug info, drop unused CUDA compute capabilities) or host it elsewhere.");
        }

        var hashed = new List<LocalAsset>();
        foreach (var file in files)
        {
            hashed.Add(await HashAsync(file, ct));
        }

        var sums = Path.Combine(directory, ChecksumsName);
        await AtomicFile.WriteAllTextAsync(sums, ChecksumsText(hashed.Take(1)), ct);
        hashed.Insert(1, await HashAsync(sums, ct));
        return new ArtifactSet(hashed, BuildProvenance.Read(directory));
    }

    /// <summary>The SHA256SUMS body: one "HEX  NAME" line per file, in the given order, as <c>sha256sum -c</c> reads it.</summary>
    public static string ChecksumsText(IEnumerable<LocalAsset> assets) =>
        string.Concat(assets.Select(a => $"{a.Sha256}  {a.Name}\n"));

    private static async Task<LocalAsset> HashAsync(string path, CancellationToken ct)
    {
        var hash = await Hashing.Sha256FileAsync(path, ct);
        var name = Path.GetFileName(path);
        var type = name.EndsWith(".json", StringComparison.Ordinal) ? "application/json"
            : name.EndsWith(".whl", StringComparison.Ordinal) ? "application/zip"
            : "text/plain";
        return new LocalAsset(name, path, new FileInfo(path).Length, hash, type);
    }
}

/// <summary>A file from artifacts/&lt;recipe&gt;/ that becomes a release asset under <see cref="Name"/>.</summary>
/// <param name="Sha256">Lower-case hex.</param>
public sealed record LocalAsset(string Name, string Path, long Size, string Sha256, string ContentType);
