namespace Cake.Frosting.Internal;

/// <summary>
/// Whether the host's console writes colour (ANSI escapes): never with NO_COLOR (no-color.org); always with
/// FORCE_COLOR or on GitHub Actions (its log renders them although stdout is a pipe); otherwise only when
/// standard output is a terminal, so a log file or a pipe gets plain text.
/// </summary>
internal static class ConsoleColours
{
    public static bool Enabled(Func<string, string?> environment, bool outputRedirected)
    {
        if (!string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return false;
        }

        if (environment("FORCE_COLOR") is { Length: > 0 } force && force != "0")
        {
            return true;
        }

        if (string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !outputRedirected && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
    }

    public static bool ForThisProcess() => Enabled(Environment.GetEnvironmentVariable, Console.IsOutputRedirected);
}
