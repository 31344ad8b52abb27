using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// The program's output into a pipe (as here, and as `tfwheel ... > log` or `| tee`) carries no ANSI escapes,
/// even with a colour terminal named in TERM; FORCE_COLOR and GitHub Actions turn colour on; NO_COLOR wins.
/// Both a task's normal output (step headers, report table) and an error are checked.
/// </summary>
public sealed class ConsoleColourTests
{
    private const string Escape = "\u001b[";

    public static TheoryData<string, string, string?, string?, bool> Cases => new()
    {
        { "a pipe, colour terminal", "xterm-256color", null, null, false },
        { "FORCE_COLOR", "xterm-256color", "1", null, true },
        { "FORCE_COLOR=0", "xterm-256color", "0", null, false },
        { "GitHub Actions", "dumb", null, "true", true },
        { "NO_COLOR beats FORCE_COLOR", "xterm-256color", "1", "true", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Colour_escapes_appear_only_when_asked_for(string why, string term, string? forceColor, string? githubActions, bool coloured)
    {
        var env = new Dictionary<string, string?>
        {
            ["TERM"] = term,
            ["FORCE_COLOR"] = forceColor,
            ["GITHUB_ACTIONS"] = githubActions,
            ["NO_COLOR"] = why.StartsWith("NO_COLOR", StringComparison.Ordinal) ? "1" : null,
        };

        var plan = await TfwheelProcess.RunAsync(ProjectFiles.Root, env, "--target=Plan", "--recipe=linux-x86_64");
        var error = await TfwheelProcess.RunAsync(ProjectFiles.Root, env, "--target=Nope");

        Assert.True(plan.ExitCode == 0, TfwheelProcess.Output(plan));
        Assert.Contains("Plan", plan.StandardOutput);
        Assert.Contains("no such task", TfwheelProcess.Output(error));
        Assert.True(coloured == TfwheelProcess.Output(plan).Contains(Escape, StringComparison.Ordinal), $"{why}: {TfwheelProcess.Output(plan)}");
        Assert.True(coloured == TfwheelProcess.Output(error).Contains(Escape, StringComparison.Ordinal), $"{why}: {TfwheelProcess.Output(error)}");
    }
}
