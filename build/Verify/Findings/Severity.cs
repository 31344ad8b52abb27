namespace Tfwheel.Verify.Findings;

/// <summary>How bad a finding is: any <see cref="Error"/> makes Verify fail (exit code 8).</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}
