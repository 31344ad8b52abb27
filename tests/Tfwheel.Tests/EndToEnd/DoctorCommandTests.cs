using System.Text.Json;
using Tfwheel.Errors;
using Tfwheel.Tests.Support;
using SmokeTestPaths = Tfwheel.Tests.Smoke.SmokeTestPaths;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>The Doctor target through the real program on this machine (whatever it has, the output must hold).</summary>
public sealed class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_as_json_prints_one_document_with_a_verdict_and_the_checks()
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Doctor", "--format=json");

        Assert.True(result.ExitCode is 0 or ExitCodes.Host, TfwheelProcess.Output(result));
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var ok = doc.RootElement.GetProperty("ok").GetBoolean();
        Assert.Equal(ok, result.ExitCode == 0);
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task Doctor_with_a_python_that_has_no_tensorflow_warns_that_none_is_installed()
    {
        var python = SmokeTestPaths.Python;

        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Doctor", $"--python={python}");

        var output = TfwheelProcess.Output(result);
        Assert.True(result.ExitCode is 0 or ExitCodes.Host, output);
        Assert.Contains($"Installed TensorFlow for {python}", result.StandardOutput);
        Assert.Contains($"[doctor.tensorflow-not-installed] {python}: No tensorflow package is installed for {python}", result.StandardOutput);
        Assert.Contains("no TensorFlow installed", result.StandardOutput);
    }

    [Fact]
    public async Task Doctor_with_a_python_as_json_is_still_one_document_that_includes_the_installed_tensorflow_verdict()
    {
        var python = SmokeTestPaths.Python;

        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Doctor", $"--python={python}", "--format=json");

        Assert.True(result.ExitCode is 0 or ExitCodes.Host, TfwheelProcess.Output(result));
        using var doc = JsonDocument.Parse(result.StandardOutput);
        Assert.NotEmpty(doc.RootElement.GetProperty("checks").EnumerateArray());
        var installed = doc.RootElement.GetProperty("installedTensorflow");
        Assert.Equal(python, installed.GetProperty("python").GetString());
        Assert.Equal(JsonValueKind.Null, installed.GetProperty("tensorflow").ValueKind);
        Assert.Contains(installed.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "doctor.tensorflow-not-installed");
        Assert.Contains("no TensorFlow installed", installed.GetProperty("verdict").GetString());
    }
}
