namespace Tfwheel.Verify.Findings;

/// <summary>
/// One thing Verify found. <paramref name="Code"/> is stable (see <see cref="FindingCodes"/>), so CI
/// can match on it; <paramref name="Path"/> is the entry inside the wheel ("" for the wheel itself);
/// <paramref name="Message"/> says what is wrong and how to fix it.
/// </summary>
public sealed record Finding(string Code, Severity Severity, string Path, string Message)
{
    public static Finding Error(string code, string path, string message) => new(code, Severity.Error, path, message);

    public static Finding Warning(string code, string path, string message) => new(code, Severity.Warning, path, message);

    public static Finding Info(string code, string path, string message) => new(code, Severity.Info, path, message);
}

/// <summary>How bad a finding is: any <see cref="Error"/> makes Verify fail (exit code 8).</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}
