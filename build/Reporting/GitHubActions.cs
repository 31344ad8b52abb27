namespace Tfwheel.Reporting;

/// <summary>Workflow-command text escaping (GitHub Actions docs, "Workflow commands": %, CR and LF in messages).</summary>
public static class GitHubActions
{
    public static string Escape(string message) =>
        message.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
}
