using Cake.Core.Diagnostics;

namespace Tfwheel.Reporting;

/// <summary>
/// Writes literal text to the Cake log. Cake's own helpers treat the message as a format string, so a
/// line holding '{' (JSON, bazel output) would throw; these never format.
/// </summary>
public static class LogText
{
    public static void InfoText(this ICakeLog log, string text) => log.Write(Verbosity.Normal, LogLevel.Information, "{0}", text);

    public static void VerboseText(this ICakeLog log, string text) => log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", text);

    public static void WarningText(this ICakeLog log, string text) => log.Write(Verbosity.Minimal, LogLevel.Warning, "{0}", text);

    public static void ErrorText(this ICakeLog log, string text) => log.Write(Verbosity.Quiet, LogLevel.Error, "{0}", text);
}
