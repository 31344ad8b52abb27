using Tfwheel.Processes;
using Tfwheel.Tests.Publish;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// A project folder for running the Publish target through the real program: recipes/macos-arm64.yaml points
/// publish at the in-process fake GitHub, and artifacts/macos-arm64/ holds what Compile, Verify and Smoke
/// leave there (a wheel, manifest.json, verify-cp312.json and smoke-cp312.json, all green).
/// </summary>
public sealed class PublishProject : IAsyncDisposable
{
    // Named and versioned so the default tag (tf-{tensorflow.version}-{name}) is PublishScenario.Tag.
    public const string RecipeName = "macos-arm64";

    public static readonly string[] AssetNames = [PublishScenario.WheelName, "SHA256SUMS", "manifest.json", "verify-cp312.json", "smoke-cp312.json"];

    private readonly TempDirectory _root;

    private PublishProject(TempDirectory root, PublishScenario scenario)
    {
        _root = root;
        Scenario = scenario;
    }

    /// <summary>The fake GitHub and the artifacts directory (artifacts/macos-arm64/ under <see cref="Root"/>).</summary>
    public PublishScenario Scenario { get; }

    public string Root => _root.Path;

    /// <summary>GITHUB_TOKEN set to the token the fake accepts.</summary>
    public IReadOnlyDictionary<string, string?> WithToken => new Dictionary<string, string?> { ["GITHUB_TOKEN"] = Scenario.GitHub.Token };

    /// <param name="pythons">A wheel per Python in artifacts/ ("3.12" by default); the recipe's own python stays "3.12", which Publish does not read.</param>
    public static async Task<PublishProject> CreateAsync(params string[] pythons)
    {
        var root = new TempDirectory("tfwheel-e2e-publish-");
        var scenario = await PublishScenario.StartAsync(artifacts: root.Combine("artifacts", RecipeName), pythons: pythons);
        Directory.CreateDirectory(root.Combine("recipes"));
        File.WriteAllText(root.Combine("recipes", RecipeName + ".yaml"), $"""
            description: a wheel already built, verified and smoke-tested, published to the fake GitHub
            tensorflow: {"{"} repository: https://github.com/tensorflow/tensorflow.git, ref: v2.18.0, version: 2.18.0 {"}"}
            python: "3.12"
            target: {"{"} os: macos, arch: arm64, min-os: "12.0" {"}"}
            publish: {"{"} repository: acme/tf-wheels, api-url: "{scenario.GitHub.ApiUrl}" {"}"}
            """);
        return new PublishProject(root, scenario);
    }

    /// <summary>Runs Publish alone (--exclusive); whatever happens, the fake's token must not appear in anything the program printed.</summary>
    public Task<ProcessResult> PublishAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, ["--target=Publish", "--exclusive", "--recipe=" + RecipeName, .. args]);

    /// <summary>Runs the program in the project folder with <paramref name="args"/>, checking that the token stays out of its output.</summary>
    public async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var result = await TfwheelProcess.RunAsync(Root, environment, args);
        Assert.DoesNotContain(Scenario.GitHub.Token, TfwheelProcess.Output(result), StringComparison.Ordinal);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Scenario.DisposeAsync();
        _root.Dispose();
    }
}
