namespace Tfwheel.Errors;

/// <summary>
/// A pipeline step found the product wanting (bazel build failed, verify found errors, a smoke workload
/// crashed, publishing was refused). Carries the exit code of its kind from <see cref="ExitCodes"/>.
/// </summary>
public sealed class StepFailedException(string message, int exitCode, Exception? inner = null)
    : TfwheelException(message, inner)
{
    public override int ExitCode { get; } = exitCode;
}
