using Tfwheel.Processes;

namespace Tfwheel.Tests.Support;

/// <summary>
/// Debian's chromium, headless (flags from facts/MACHINES.md), with a fresh profile folder per run and no
/// network use of its own: renders a local page to its DOM text or to a PNG screenshot.
/// </summary>
public static class HeadlessChromium
{
    public static async Task<string> DumpDomAsync(string page) =>
        (await RunAsync(page, ["--dump-dom"])).StandardOutput;

    public static async Task ScreenshotAsync(string page, string png, int width, int height) =>
        await RunAsync(page, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars"]);

    private static async Task<ProcessResult> RunAsync(string page, IReadOnlyList<string> action)
    {
        var chromium = RequiredTool.Find("chromium", "apt-get install chromium");
        using var profile = new TempDirectory("tfwheel-chromium-");
        var spec = new ProcessSpec(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.Path}", .. action, new Uri(page).AbsoluteUri,
        ])
        {
            Echo = false,
            StreamOutput = false,
            Timeout = TimeSpan.FromMinutes(2),
            TailLines = 50,
        };
        var result = await new ProcessGateway(new TestLog()).RunAsync(spec);
        return result.EnsureSuccess();
    }
}
