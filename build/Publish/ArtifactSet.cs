using Tfwheel.Files;
using Tfwheel.Platforms;

namespace Tfwheel.Publish;

/// <summary>
/// The files Publish uploads from artifacts/&lt;recipe&gt;/, in upload order: every wheel (a wheel per Python, sorted
/// by name), SHA256SUMS (written here, sha256sum's "HASH  NAME" format), manifest.json, then per wheel its
/// verify-cpXY.json and smoke-cpXY.json (those present; <see cref="BuildPaths.VerifyReportName"/>).
/// SHA256SUMS lists the wheels only: the wheels are the release's identity, while the reports record a run (times,
/// durations, temporary paths) and differ on every run, so the same wheels always give the same SHA256SUMS.
/// GitHub's per-asset <c>digest</c> covers the reports.
/// </summary>
public sealed record ArtifactSet(IReadOnlyList<LocalAsset> Assets, BuildProvenance Provenance)
{
    public const string ChecksumsName = "SHA256SUMS";

    public const string ManifestName = "manifest.json";

    /// <summary>GitHub's per-asset limit: "size must be less than or equal to 2147483648" (cli/cli#10182).</summary>
    public const long MaxAssetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>At most this many wheels: each brings up to three assets, and GitHub allows 1000 per release.</summary>
    public const int MaxWheels = 300;

    /// <summary>The wheels, sorted by name (at least one).</summary>
    public IReadOnlyList<LocalAsset> Wheels => Assets.Where(a => IsWheel(a.Name)).ToList();

    /// <summary>True for a wheel, an asset that identifies the release's content; false for SHA256SUMS and the reports.</summary>
    public static bool IsWheel(string assetName) => assetName.EndsWith(".whl", StringComparison.Ordinal);

    /// <summary>The wheel's python tag ("cp312"), which names its reports; null when the name is not a wheel's.</summary>
    public static string? PythonTagOf(string wheelName) => WheelFileName.TryParse(wheelName, out _)?.PythonTag;

    /// <summary>True when the directory holds a wheel (so the build has run); preflight before the build skips the artifact checks.</summary>
    public static bool Exists(string directory) => Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.whl").Any();

    /// <summary>Hashes the files (streaming, any size), writes SHA256SUMS atomically and returns the set.</summary>
    public static async Task<ArtifactSet> LoadAsync(string directory, CancellationToken ct)
    {
        var wheels = (Directory.Exists(directory) ? Directory.GetFiles(directory, "*.whl") : []).Order(StringComparer.Ordinal).ToList();
        if (wheels.Count == 0)
        {
            throw new PublishException($"publish: no wheel in {directory}. Run the Wheel target first (or Compile, Verify and Smoke).");
        }

        // Each wheel brings up to three assets; refused before hashing, so a folder of thousands fails at once.
        if (wheels.Count > MaxWheels)
        {
            throw new PublishException($"publish: {wheels.Count} wheels in {directory}; a release holds at most {ReleaseAssessor.MaxAssetsPerRelease} assets, so Publish takes at most {MaxWheels} wheels (a wheel per Python). Remove the ones Compile did not build (rerun Compile).");
        }

        var tags = TagsOf(directory, wheels);
        var files = new List<string>(wheels) { Path.Combine(directory, ManifestName) };
        files.AddRange(tags.SelectMany(t => new[] { BuildPaths.VerifyReportName(t), BuildPaths.SmokeReportName(t) }).Select(r => Path.Combine(directory, r)));
        files = files.Where(File.Exists).ToList();

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
        await AtomicFile.WriteAllTextAsync(sums, ChecksumsText(hashed.Take(wheels.Count)), ct);
        hashed.Insert(wheels.Count, await HashAsync(sums, ct));
        return new ArtifactSet(hashed, BuildProvenance.Read(directory, wheels.Select(Path.GetFileName).ToList()!));
    }

    /// <summary>The SHA256SUMS body: one "HEX  NAME" line per file, in the given order, as <c>sha256sum -c</c> reads it.</summary>
    public static string ChecksumsText(IEnumerable<LocalAsset> assets) =>
        string.Concat(assets.Select(a => $"{a.Sha256}  {a.Name}\n"));

    /// <summary>Each wheel's python tag, in the wheels' order; refuses a name that is not a wheel's and two wheels for one Python.</summary>
    private static List<string> TagsOf(string directory, List<string> wheels)
    {
        var tags = new List<string>();
        foreach (var wheel in wheels)
        {
            tags.Add(WheelFileName.TryParse(wheel, out var why)?.PythonTag
                ?? throw new PublishException($"publish: {wheel} is not named like a wheel ({why}); Publish names each wheel's reports by its python tag. Remove it, or rerun Compile, which leaves one wheel per Python in {directory}."));
        }

        var twice = wheels.Zip(tags).GroupBy(w => w.Second, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new PublishException($"publish: {twice.Count()} wheels for {twice.Key} in {directory} ({string.Join(", ", twice.Select(w => Path.GetFileName(w.First)))}): one is stale or foreign, and its reports ({BuildPaths.VerifyReportName(twice.Key)}, {BuildPaths.SmokeReportName(twice.Key)}) can judge only one. Rerun Compile (it leaves exactly one wheel per Python), or remove the wheel you did not build.");
        }

        return tags;
    }

    private static async Task<LocalAsset> HashAsync(string path, CancellationToken ct)
    {
        var hash = await Hashing.Sha256FileAsync(path, ct);
        var name = Path.GetFileName(path);
        var type = name.EndsWith(".json", StringComparison.Ordinal) ? "application/json"
            : IsWheel(name) ? "application/zip"
            : "text/plain";
        return new LocalAsset(name, path, new FileInfo(path).Length, hash, type);
    }
}

/// <summary>A file from artifacts/&lt;recipe&gt;/ that becomes a release asset under <see cref="Name"/>.</summary>
/// <param name="Sha256">Lower-case hex.</param>
public sealed record LocalAsset(string Name, string Path, long Size, string Sha256, string ContentType);
