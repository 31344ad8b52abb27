using Tfwheel.Errors;
using Tfwheel.Tests.Publish;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// Where the token travels and how long Publish waits (issue 11), through the real program: Authorization goes
/// only to publish.api-url's host and its uploads root, over HTTPS (plain HTTP only to loopback), and a huge
/// Retry-After ends the run with the publish exit code instead of a 28-hour wait or a crash.
/// </summary>
public sealed class PublishTokenHostsThroughProgramTests : IAsyncLifetime
{
    private PublishProject _p = null!;

    private PublishScenario S => _p.Scenario;

    public async Task InitializeAsync() => _p = await PublishProject.CreateAsync();

    public async Task DisposeAsync() => await _p.DisposeAsync();

    [Theory]
    [InlineData("http://github.example.com/api/v3/")]
    [InlineData("http://192.0.2.10:8080/api/v3/")]
    public async Task A_plain_http_api_url_to_another_host_is_a_recipe_error_before_any_request(string apiUrl)
    {
        var result = await _p.PublishAsync(_p.WithToken, "--set", "publish.api-url=" + apiUrl);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Recipe, output);
        Assert.Contains("publish.api-url", output);
        Assert.Contains("must be an https URL", output);
        Assert.Empty(S.GitHub.Requests);
    }

    [Fact]
    public async Task An_upload_url_naming_another_host_never_receives_the_token()
    {
        await using var elsewhere = await FakeGitHub.StartAsync();
        S.GitHub.UploadBaseUrl = elsewhere.BaseUrl;

        var first = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(first);
        Assert.True(first.ExitCode == ExitCodes.Publish, output);
        Assert.Contains($"the release's upload_url points at {elsewhere.BaseUrl}/api/uploads/repos/acme/tf-wheels/releases/", output);
        Assert.Contains("tfwheel does not send the token there", output);
        Assert.Empty(elsewhere.Requests);
        var writes = S.GitHub.Writes.Count;

        // The draft it made is now found first: preflight refuses before any write.
        var second = await _p.PublishAsync(_p.WithToken);

        Assert.True(second.ExitCode == ExitCodes.Publish, TfwheelProcess.Output(second));
        Assert.Contains("tfwheel does not send the token there", TfwheelProcess.Output(second));
        Assert.Equal(writes, S.GitHub.Writes.Count);
        Assert.Empty(elsewhere.Requests);
    }

    [Theory]
    [InlineData(100000, "27 h 46 min")]
    [InlineData(2147483647, "24855 d 3 h")]
    public async Task A_huge_Retry_After_stops_with_the_publish_code_saying_how_long_GitHub_asked(int seconds, string shown)
    {
        S.GitHub.Inject(FakeFault.TooManyRequests("POST", "name=verify-cp312.json", seconds));

        var result = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == ExitCodes.Publish, output);
        Assert.Contains($"GitHub asks to wait {shown}, longer than tfwheel waits (10 min at most)", output);
        Assert.True(S.Release.Draft);
    }

    [Fact]
    public async Task A_short_Retry_After_is_waited_out_and_the_log_says_how_long()
    {
        S.GitHub.Inject(FakeFault.TooManyRequests("POST", "name=verify-cp312.json", 1));

        var result = await _p.PublishAsync(_p.WithToken);

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("upload verify-cp312.json: HTTP 429: Too Many Requests; retrying in 1 s (attempt 2 of 6)", output);
        Assert.False(S.Release.Draft);
    }
}
