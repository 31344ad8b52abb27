namespace Tfwheel.Processes;

/// <summary>What a finished process left: its exit code, its output (or the tail of it) and how long it took.</summary>
public sealed record ProcessResult(
    ProcessSpec Spec,
    int ExitCode,
    string StandardOutput,
    IReadOnlyList<string> StandardOutputTail,
    IReadOnlyList<string> StandardErrorTail,
    TimeSpan Duration,
    bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>
    /// The signal that ended the process, if any. .NET reports a process killed by signal N as exit
    /// code 128 + N on Unix, as shells do; a program that exits with such a code itself looks the same.
    /// </summary>
    public int? Signal => !OperatingSystem.IsWindows() && ExitCode is > 128 and < 128 + 65 ? ExitCode - 128 : null;

    /// <summary>Throws <see cref="ProcessFailedException"/> unless the process exited 0 in time.</summary>
    public ProcessResult EnsureSuccess(string? remedy = null)
    {
        if (!Succeeded)
        {
            throw new ProcessFailedException(this, remedy);
        }

        return this;
    }
}
