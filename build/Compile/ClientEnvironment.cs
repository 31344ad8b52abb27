using System.Text.RegularExpressions;
using Tfwheel.Processes;

namespace Tfwheel.Compile;

/// <summary>
/// The environment bazel's client hands its server as --client_env=NAME=VALUE, which bazel then writes into
/// the build events (bazelbuild/bazel src/main/cpp/option_processor.cc,
/// OptionProcessor::GetBlazercAndEnvCommandArgs, adds one per variable). Names stay, so a
/// reader still sees what was set; values go, except for a few names that never hold a secret and help a
/// reader tell why an action saw a different tool (PATH) or locale.
/// </summary>
public static partial class ClientEnvironment
{
    /// <summary>Names whose values are kept: tool lookup and locale, nothing a credential lives in.</summary>
    public static IReadOnlySet<string> Kept { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "PATH", "LANG", "LC_ALL", "LC_CTYPE", "TERM", "SHELL", "TMPDIR", "PWD",
    };

    /// <summary>"GH_TOKEN=ghp_x" -> "GH_TOKEN=***"; a kept name is unchanged.</summary>
    public static string MaskAssignment(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? assignment : assignment[..equals];
        return equals < 0 || Kept.Contains(name) ? assignment : name + "=" + Redactor.Mask;
    }

    /// <summary>
    /// Masks the value of every --client_env=NAME=VALUE in <paramref name="text"/>: one argument (the whole
    /// rest is the value, spaces included), or a description that joins options with spaces (the value runs
    /// to the next " --").
    /// </summary>
    public static string MaskOptions(string text)
    {
        if (!text.Contains("client_env", StringComparison.Ordinal))
        {
            return text;
        }

        if (text.StartsWith("--client_env=", StringComparison.Ordinal))
        {
            return "--client_env=" + MaskAssignment(text["--client_env=".Length..]);
        }

        return Joined().Replace(text, m => m.Groups[1].Value + MaskAssignment(m.Groups[2].Value));
    }

    [GeneratedRegex(@"(--client_env[= ])(\S.*?)(?=\s--|$)", RegexOptions.Singleline)]
    private static partial Regex Joined();
}
