using System.Text;
using Tfwheel.Publish;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Publish;

/// <summary>A fake GitHub, an artifacts directory like Compile/Verify/Smoke leave it, a manual clock and a capturing log.</summary>
public sealed class PublishScenario : IAsyncDisposable
{
    public const string Tag = "tf-2.18.0-macos-arm64";
    public const string WheelName = "tensorflow-2.18.0+tfwheel-cp312-cp312-macosx_12_0_arm64.whl";

    private PublishScenario(FakeGitHub github, string artifacts)
    {
        GitHub = github;
        Artifacts = artifacts;
        GitHub.Clock = Clock;
    }

    public FakeGitHub GitHub { get; }

    public string Artifacts { get; }

    public ManualClock Clock { get; } = new();

    public TestLog Log { get; } = new();

    public ReleasePublisher Publisher => new(Log);

    /// <param name="artifacts">Where to write the artifacts (created; removed on dispose); a fresh temp folder by default.</param>
    public static async Task<PublishScenario> StartAsync(bool verified = true, string? artifacts = null)
    {
        var dir = artifacts is null ? Directory.CreateTempSubdirectory("tfwheel-publish-").FullName : Directory.CreateDirectory(artifacts).FullName;
        var scenario = new PublishScenario(await FakeGitHub.StartAsync(), dir);
        scenario.WriteWheel(Encoding.UTF8.GetBytes(new string('w', 300_000)));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """
            {"recipe":{"name":"macos-arm64"},"tensorflow":{"version":"2.18.0","commit":"6550e4bd80223cdb8be6c3afd1f81e86a4d433c3"},
             "bazel":{"argv":["bazel","build","--config=macos_arm64","//tensorflow/tools/pip_package:wheel"]}}
            """);
        scenario.WriteReports(verified);
        return scenario;
    }

    public void WriteWheel(byte[] content) => File.WriteAllBytes(Path.Combine(Artifacts, WheelName), content);

    /// <summary>verify.json and smoke.json as Verify and Smoke write them, judging the wheel now in the folder (or the one with <paramref name="wheelSha256"/>).</summary>
    public void WriteReports(bool ok, string? wheelSha256 = null)
    {
        var v = ok ? "true" : "false";
        var sha = wheelSha256 ?? WheelSha256;
        File.WriteAllText(Path.Combine(Artifacts, "verify.json"), $$$"""{"ok":{{{v}}},"wheel":{"file":"{{{WheelName}}}","sha256":"{{{sha}}}"},"summary":"12 binaries: arm64, macOS >= 12.0"}""");
        File.WriteAllText(Path.Combine(Artifacts, "smoke.json"), $$$"""{"ok":{{{v}}},"wheel":{"file":"{{{WheelName}}}","sha256":"{{{sha}}}"},"summary":"3 of 3 workloads passed"}""");
    }

    /// <summary>The SHA-256 of the wheel in the artifacts folder.</summary>
    public string WheelSha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Artifacts, WheelName))));

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
}
