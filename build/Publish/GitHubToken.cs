namespace Tfwheel.Publish;

/// <summary>
/// The GitHub token. It only comes from the environment (GITHUB_TOKEN, then GH_TOKEN, as gh reads them), never
/// from a recipe. <see cref="ToString"/> masks it, so a record or exception that prints one cannot leak it.
/// </summary>
public sealed class GitHubToken
{
    private GitHubToken(string value, string source)
    {
        Value = value;
        Source = source;
    }

    /// <summary>The secret; only the HTTP layer reads it.</summary>
    internal string Value { get; }

    /// <summary>The variable it came from, safe to print.</summary>
    public string Source { get; }

    /// <summary>Reads GITHUB_TOKEN, then GH_TOKEN; null when neither is set to a non-blank value.</summary>
    public static GitHubToken? FromEnvironment(Func<string, string?> variable)
    {
        foreach (var name in new[] { "GITHUB_TOKEN", "GH_TOKEN" })
        {
            var value = variable(name)?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                return new GitHubToken(value, name);
            }
        }

        return null;
    }

    public override string ToString() => $"*** (from {Source})";
}
