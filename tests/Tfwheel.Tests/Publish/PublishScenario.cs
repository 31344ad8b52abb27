using System.Text;
using System.Text.Json;
using Tfwheel.Files;
using Tfwheel.Publish;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Publish;

/// <summary>
/// A fake GitHub, an artifacts directory like Compile/Verify/Smoke leave it (a wheel per Python, manifest.json
/// schema 2, verify-cpXY.json and smoke-cpXY.json per wheel; docs: /work/notes/matrix-contract.md), a manual
/// clock and a capturing log.
/// </summary>
public sealed class PublishScenario : IAsyncDisposable
{
    public const string Tag = "tf-2.18.0-macos-arm64";
    public const string WheelName = "tensorflow-2.18.0+tfwheel-cp312-cp312-macosx_12_0_arm64.whl";

    private readonly List<string> _pythons;

    private PublishScenario(FakeGitHub github, string artifacts, IEnumerable<string> pythons)
    {
        GitHub = github;
        Artifacts = artifacts;
        GitHub.Clock = Clock;
        _pythons = pythons.ToList();
    }

    public FakeGitHub GitHub { get; }

    public string Artifacts { get; }

    public ManualClock Clock { get; } = new();

    public TestLog Log { get; } = new();

    public ReleasePublisher Publisher => new(Log);

    /// <summary>The python tags of the wheels in the folder, in the wheels' (name) order: "cp311", "cp312".</summary>
    public IReadOnlyList<string> Tags => _pythons.Select(TagOf).Order(StringComparer.Ordinal).ToList();

    /// <summary>The assets Publish uploads, in its order: wheels, SHA256SUMS, manifest.json, each wheel's verify and smoke reports.</summary>
    public IReadOnlyList<string> AssetNames =>
        [.. Tags.Select(WheelFor), ArtifactSet.ChecksumsName, ArtifactSet.ManifestName, .. Tags.SelectMany(t => new[] { BuildPaths.VerifyReportName(t), BuildPaths.SmokeReportName(t) })];

    /// <param name="artifacts">Where to write the artifacts (created; removed on dispose); a fresh temp folder by default.</param>
    /// <param name="pythons">One wheel per Python ("3.12" by default).</param>
    public static async Task<PublishScenario> StartAsync(bool verified = true, string? artifacts = null, params string[] pythons)
    {
        var dir = artifacts is null ? Directory.CreateTempSubdirectory("tfwheel-publish-").FullName : Directory.CreateDirectory(artifacts).FullName;
        var scenario = new PublishScenario(await FakeGitHub.StartAsync(), dir, pythons.Length == 0 ? ["3.12"] : pythons);
        foreach (var python in scenario._pythons)
        {
            scenario.WriteWheel(Content(TagOf(python)), TagOf(python));
            scenario.WriteReports(verified, tag: TagOf(python));
        }

        return scenario;
    }

    public static string WheelFor(string tag) => $"tensorflow-2.18.0+tfwheel-{tag}-{tag}-macosx_12_0_arm64.whl";

    public static string TagOf(string python) => "cp" + python.Replace(".", "", StringComparison.Ordinal);

    /// <summary>Adds the wheel for <paramref name="python"/> as a later Compile with one more Python would: wheel, manifest entry, green reports.</summary>
    public void AddPython(string python)
    {
        _pythons.Add(python);
        WriteWheel(Content(TagOf(python)), TagOf(python));
        WriteReports(true, tag: TagOf(python));
    }

    /// <summary>As a later Compile without <paramref name="python"/> leaves the folder: its wheel and reports gone, the manifest without it.</summary>
    public void RemovePython(string python)
    {
        _pythons.Remove(python);
        var tag = TagOf(python);
        foreach (var file in new[] { WheelFor(tag), BuildPaths.VerifyReportName(tag), BuildPaths.SmokeReportName(tag) })
        {
            File.Delete(Path.Combine(Artifacts, file));
        }

        WriteManifest();
    }

    /// <summary>Writes the wheel for <paramref name="tag"/> and, as Compile does, a manifest.json recording every wheel's SHA-256.</summary>
    public void WriteWheel(byte[] content, string tag = "cp312")
    {
        File.WriteAllBytes(Path.Combine(Artifacts, WheelFor(tag)), content);
        WriteManifest();
    }

    /// <summary>manifest.json as Compile writes it (schema 2): a wheels[] entry per wheel now in the folder.</summary>
    public void WriteManifest()
    {
        var wheels = _pythons.Order(StringComparer.Ordinal).Where(p => File.Exists(Path.Combine(Artifacts, WheelFor(TagOf(p))))).Select(p => new
        {
            python = p,
            tag = TagOf(p),
            name = WheelFor(TagOf(p)),
            size = new FileInfo(Path.Combine(Artifacts, WheelFor(TagOf(p)))).Length,
            sha256 = ShaOf(TagOf(p)),
            bazel = new { argv = new[] { "bazel", "build", "--config=macos_arm64", "--repo_env=HERMETIC_PYTHON_VERSION=" + p, "//tensorflow/tools/pip_package:wheel" }, exitCode = 0 },
        });
        var manifest = new
        {
            schema = 2,
            recipe = new { name = "macos-arm64" },
            tensorflow = new { version = "2.18.0", commit = "6550e4bd80223cdb8be6c3afd1f81e86a4d433c3" },
            bazel = new { version = "6.5.0" },
            wheels,
        };
        File.WriteAllText(Path.Combine(Artifacts, ArtifactSet.ManifestName), JsonSerializer.Serialize(manifest));
    }

    /// <summary>
    /// verify-cpXY.json and smoke-cpXY.json as Verify and Smoke write them, judging the wheel now in the folder (or
    /// the one with <paramref name="wheelSha256"/>); for every wheel, or the one for <paramref name="tag"/>.
    /// </summary>
    public void WriteReports(bool ok, string? wheelSha256 = null, string? tag = null)
    {
        foreach (var t in tag is null ? Tags : [tag])
        {
            WriteReport(BuildPaths.VerifyReportName(t), ok, wheelSha256 ?? ShaOf(t), WheelFor(t), "12 binaries: arm64, macOS >= 12.0");
            WriteReport(BuildPaths.SmokeReportName(t), ok, wheelSha256 ?? ShaOf(t), WheelFor(t), ok ? "3 of 3 workloads passed" : "1 of 3 workloads failed");
        }
    }

    public void WriteReport(string file, bool ok, string sha256, string wheelName, string summary) =>
        File.WriteAllText(Path.Combine(Artifacts, file), JsonSerializer.Serialize(new { ok, wheel = new { file = wheelName, sha256 }, summary }));

    /// <summary>The SHA-256 of the cp312 wheel in the artifacts folder.</summary>
    public string WheelSha256 => ShaOf("cp312");

    /// <summary>The SHA-256 of the wheel for <paramref name="tag"/> in the artifacts folder.</summary>
    public string ShaOf(string tag) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Artifacts, WheelFor(tag)))));

    public PublishRequest Request(Func<string, string?>? environment = null) =>
        new(GitHub.Owner, GitHub.Repo, Tag, Artifacts, GitHubToken.FromEnvironment(environment ?? (n => n == "GITHUB_TOKEN" ? GitHub.Token : null)))
        {
            ApiUrl = GitHub.ApiUrl,
            Pacing = new PublishPacing
            {
                Clock = Clock,
                Delay = Clock.DelayAsync,
                MinimumWriteInterval = TimeSpan.FromSeconds(1),
                UploadTimeout = TimeSpan.FromMinutes(1),
            },
        };

    /// <summary>The release for the tag that is published or a draft; fails when there is not exactly one.</summary>
    public FakeRelease Release => Assert.Single(GitHub.Releases, r => r.Tag == Tag);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        Directory.Delete(Artifacts, recursive: true);
    }

    // The cp312 wheel is 300,000 bytes, as the dry-run tests expect; each other Python's differs.
    private static byte[] Content(string tag) => Encoding.UTF8.GetBytes(new string('w', 300_000) + (tag == "cp312" ? "" : tag));
}
