namespace Tfwheel.Reporting;

/// <summary>
/// Workflow-command escaping (GitHub Actions docs, "Workflow commands for GitHub Actions", and the runner's
/// ActionCommand.cs in actions/runner: data escapes %, CR, LF; property values also ':' and ',').
/// </summary>
public static class GitHubActions
{
    public static string Escape(string message) =>
        message.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        Escape(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
