namespace Tfwheel.Reporting;

/// <summary>
/// Workflow-command escaping (GitHub Actions docs, "Workflow commands for GitHub Actions", and the runner's
/// ActionCommand.cs in actions/runner: data escapes %, CR, LF; property values also ':' and ',').
/// </summary>
public static class GitHubActions
{
    /// <remarks>
    /// Line breaks are kept (as %0D/%0A, which the runner turns back into line breaks); every other control
    /// character (an ESC starting a terminal escape, BEL, bidi overrides) is written visibly by
    /// <see cref="TerminalText.Escape"/>, so a hostile file name cannot reach the log viewer as a control sequence.
    /// </remarks>
    public static string Escape(string message) =>
        string.Join("%0A", message.Replace("%", "%25", StringComparison.Ordinal).Split('\n')
            .Select(line => string.Join("%0D", line.Split('\r').Select(part => TerminalText.Escape(part)))));

    public static string EscapeProperty(string value) =>
        Escape(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
