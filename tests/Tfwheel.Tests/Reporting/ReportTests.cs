using System.Text.RegularExpressions;
using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Reporting;

/// <summary>--target=Report through the program, the page rendered by a real browser (Debian's headless chromium).</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task The_report_renders_in_chromium_with_hostile_names_as_text()
    {
        using var project = new ReportArtifacts();

        var result = await TfwheelProcess.RunAsync(project.Root, "--target=Report", $"--recipe={ReportArtifacts.Recipe}");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.Contains(project.Report, result.StandardOutput);
        var dom = await HeadlessChromium.DumpDomAsync(project.Report);
        Assert.Contains("Build timeline", dom);
        Assert.Contains("<svg", dom);
        Assert.Contains("Executing genrule //tensorflow/tools/pip_package:wheel", dom); // the critical path
        Assert.Contains("minos.glibc-above-tag", dom);
        Assert.Contains("max abs error 2.1e-05", dom);
        Assert.Contains("72fbba3d20f4616d7312b5e2b7f79daf6e82f2fa", dom);
        // The browser parsed every hostile name as text: no element came out of it.
        Assert.DoesNotContain("<script", dom);
        Assert.DoesNotContain("<img", dom);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom);

        var png = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        await HeadlessChromium.ScreenshotAsync(project.Report, png, 1280, 2600);
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 20_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"screenshot {png}: {bytes.Length} bytes");
    }

    [Fact]
    public async Task The_report_is_self_contained()
    {
        using var project = new ReportArtifacts();

        var result = await TfwheelProcess.RunAsync(project.Root, "--target=Report", $"--recipe={ReportArtifacts.Recipe}");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var html = await File.ReadAllTextAsync(project.Report);
        // Every tag in the page (text is escaped, so each '<' starts one): none loads anything.
        var tags = Regex.Matches(html, "<[a-zA-Z][^>]*>").Select(m => m.Value).ToList();
        Assert.True(tags.Count > 100);
        Assert.DoesNotContain(tags, t => Regex.IsMatch(t, @"^<(script|link|iframe|object|embed|img|image|use)\b|\s(src|href|xlink:href)=", RegexOptions.IgnoreCase));
        var css = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("url(", css);
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("@font-face", css);
        Assert.Contains("default-src 'none'", html);
        Assert.True(html.Length < 2_000_000, $"report.html is {html.Length} characters");
    }

    [Fact]
    public async Task Before_any_build_the_report_says_what_has_not_run()
    {
        using var project = new ReportArtifacts(withResults: false);

        var result = await TfwheelProcess.RunAsync(project.Root, "--target=Report", $"--recipe={ReportArtifacts.Recipe}");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var html = await File.ReadAllTextAsync(project.Report);
        Assert.Contains("No Bazel profile", html);
        Assert.Contains("the Verify target has not run", html);
        Assert.Contains("the Smoke target has not run", html);
    }

    [Fact]
    public async Task A_damaged_profile_is_said_in_the_report_and_as_a_warning()
    {
        using var project = new ReportArtifacts(withResults: false);
        await File.WriteAllTextAsync(Path.Combine(project.Artifacts, "bazel-profile.json.gz"), "{\"traceEvents\":[{");

        var result = await TfwheelProcess.RunAsync(project.Root, "--target=Report", $"--recipe={ReportArtifacts.Recipe}");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.Contains("not a readable Bazel JSON trace profile", await File.ReadAllTextAsync(project.Report));
        Assert.Contains("not a readable Bazel JSON trace profile", TfwheelProcess.Output(result));
    }
}
