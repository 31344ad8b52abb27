using System.Text.RegularExpressions;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Recognises secrets written into a recipe, which must only ever name environment variables. Messages
/// built here never include the offending value.
/// </summary>
internal static partial class SecretRules
{
    /// <summary>Bazel options that carry header values (credentials) on the command line.</summary>
    private static readonly string[] HeaderOptions =
        ["remote_header", "remote_cache_header", "remote_exec_header", "remote_downloader_header", "bes_header", "google_credentials"];

    public static bool HasCredentials(string value) => UserInfo().IsMatch(value);

    public static string CredentialMessage(string path) =>
        $"'{path}' contains credentials (user:password@ in a URL); the value is not shown. Remove them and pass credentials through bazel.remote.header-env or your git credential helper";

    /// <summary>The bazel option name (without leading dashes, "no" prefix or value) if it carries a secret.</summary>
    public static bool IsHeaderOption(string optionName) => HeaderOptions.Contains(optionName);

    public static string HeaderOptionMessage(string optionName) =>
        $"'--{optionName}' in 'bazel.options' would put a secret in the recipe and in every log; the value is not shown. Use bazel.remote.header-env: {{ header-name: ENV_VAR_NAME }} instead";

    public static string EnvNameMessage(string path) =>
        $"'{path}' must be the NAME of an environment variable that holds the value (like REMOTE_API_KEY), not the value itself; the value is not shown in case it is a secret";

    /// <summary>
    /// True for text that can be an environment variable name ([A-Za-z_][A-Za-z0-9_]*) and does not look like a
    /// token pasted where the name belongs: GitHub's ghp_/gho_/ghu_/ghs_/ghr_/github_pat_ tokens, AWS key ids
    /// (AKIA/ASIA + 16), Slack's xox?- tokens fail the pattern or the shape, and so does any 20+ character run
    /// mixing letters and digits with no '_' (variable names are words joined by '_').
    /// </summary>
    public static bool IsVariableName(string name) =>
        name.Length <= 128 && VariableName().IsMatch(name) && !TokenPrefix().IsMatch(name)
        && !name.Split('_').Any(word => word.Length >= 20 && word.Any(char.IsDigit) && word.Any(char.IsLetter));

    /// <summary>Environment variable names that by convention hold credentials (GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, X_API_KEY).</summary>
    public static bool LooksLikeSecretName(string name) => SecretName().IsMatch(name);

    public static string SecretEnvMessage(string path) =>
        $"'{path}' looks like a secret, and recipe environments are written into .bazelrc.user, plans and manifests; the value is not shown. Export it in your shell instead";

    [GeneratedRegex(@"(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|CREDENTIAL)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex("^(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_|(AKIA|ASIA)[A-Z0-9]{16}$)")]
    private static partial Regex TokenPrefix();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]*@")]
    private static partial Regex UserInfo();
}
