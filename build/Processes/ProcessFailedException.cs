using Tfwheel.Errors;

namespace Tfwheel.Processes;

/// <summary>An external program exited non-zero or timed out; the message carries the command (redacted) and its last lines.</summary>
public sealed class ProcessFailedException(ProcessResult result, string? remedy = null)
    : TfwheelException(Describe(result, remedy))
{
    public ProcessResult Result { get; } = result;

    public override int ExitCode => ExitCodes.Process;

    private static string Describe(ProcessResult result, string? remedy)
    {
        var spec = result.Spec;
        var what = result.TimedOut
            ? $"{spec.DisplayName} did not finish within {spec.Timeout?.TotalSeconds:0} s and was killed"
            : $"{spec.DisplayName} exited with code {result.ExitCode}";
        var tail = result.StandardErrorTail.Count > 0 ? result.StandardErrorTail : result.StandardOutputTail;
        var lines = tail.Skip(Math.Max(0, tail.Count - 20));
        var text = $"{what}: {CommandLine.Format(spec)}";
        if (tail.Count > 0)
        {
            text += Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "  | " + l));
        }

        return remedy is null ? text : $"{text}{Environment.NewLine}{remedy}";
    }
}
