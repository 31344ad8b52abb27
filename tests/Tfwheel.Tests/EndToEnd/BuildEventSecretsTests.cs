using System.Text.Json;
using Tfwheel.Compile;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// bazel-events.json lands in artifacts/, which the wheel workflow uploads: bazel writes its whole client
/// environment into it (--client_env=NAME=VALUE), so a real bazel build with secrets in the environment must
/// leave a file that names the variables but holds none of their values.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class BuildEventSecretsTests
{
    private static readonly string Token = "ghp_" + Guid.NewGuid().ToString("N");
    private static readonly string AwsSecret = "aws" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task The_build_event_file_keeps_environment_names_and_drops_their_values()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        ws.WriteRecipe();
        var environment = new Dictionary<string, string?>
        {
            ["GH_TOKEN"] = Token,
            ["AWS_SECRET_ACCESS_KEY"] = AwsSecret,
            ["TFWHEEL_TEST_HARMLESS"] = "with spaces -- and --client_env=FAKE=" + Token,
        };

        var result = await TfwheelProcess.RunAsync(ws.ProjectRoot, environment, "--target=Compile", "--recipe=linux-test");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode == 0, output);
        var events = File.ReadAllText(Path.Combine(ws.ProjectRoot, "artifacts", "linux-test", CompilePlanner.BuildEventFileName));
        Assert.DoesNotContain(Token, events, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsSecret, events, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
        var args = events.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("unstructuredCommandLine", out _))
            .SelectMany(e => e.GetProperty("unstructuredCommandLine").GetProperty("args").EnumerateArray().Select(a => a.GetString()))
            .ToList();
        Assert.Contains("--client_env=GH_TOKEN=***", args);
        Assert.Contains("--client_env=AWS_SECRET_ACCESS_KEY=***", args);
        Assert.Contains(args, a => a!.StartsWith("--client_env=PATH=/", StringComparison.Ordinal)); // a kept name
    }

    [Theory]
    [InlineData("--client_env=GH_TOKEN=ghp_x", "--client_env=GH_TOKEN=***")]
    [InlineData("--client_env=PATH=/usr/bin", "--client_env=PATH=/usr/bin")]
    [InlineData("--client_env=A=1 2 3", "--client_env=A=***")]
    [InlineData("--sandbox_debug --client_env=A=b c --keep_going", "--sandbox_debug --client_env=A=*** --keep_going")]
    [InlineData("--client_env=NOVALUE", "--client_env=NOVALUE")]
    [InlineData("--keep_going", "--keep_going")]
    public void Client_environment_values_are_masked_in_every_spelling(string text, string expected) =>
        Assert.Equal(expected, ClientEnvironment.MaskOptions(text));
}
