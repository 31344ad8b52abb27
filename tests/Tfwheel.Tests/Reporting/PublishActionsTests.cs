using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Publish;

namespace Tfwheel.Tests.Reporting;

/// <summary>Publish on GitHub Actions, through the program against the fake GitHub: the release URL as a step output and the assets in the summary.</summary>
public sealed class PublishActionsTests : IAsyncLifetime
{
    private PublishProject _p = null!;

    public async Task InitializeAsync() => _p = await PublishProject.CreateAsync();

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task Publish_writes_the_release_url_output_and_a_summary_of_its_assets()
    {
        using var gha = new ActionsEnvironment(_p.Root);
        var environment = gha.Variables;
        environment["GITHUB_TOKEN"] = _p.Scenario.GitHub.Token;

        var result = await _p.PublishAsync(environment);

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var url = $"https://github.com/acme/tf-wheels/releases/tag/{PublishScenario.Tag}";
        Assert.Equal(url, gha.ReadOutputs()["release-url"]);
        var summary = await File.ReadAllTextAsync(gha.Summary);
        Assert.Contains($"### Publish: [{PublishScenario.Tag}]({url}) (published,", summary);
        Assert.All(PublishProject.AssetNames, name => Assert.Contains($"| `{name}` |", summary));
    }
}
