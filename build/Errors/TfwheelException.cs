namespace Tfwheel.Errors;

/// <summary>
/// The root of tfwheel's own errors. The message reads "what failed: why. how to fix"; the host prints
/// it without a stack trace (unless --verbosity=diagnostic) and exits with <see cref="ExitCode"/>.
/// </summary>
public abstract class TfwheelException : Exception
{
    protected TfwheelException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public abstract int ExitCode { get; }
}

/// <summary>This machine cannot do what was asked: wrong OS, a missing tool, a tool of the wrong version.</summary>
public sealed class HostException(string message, Exception? inner = null) : TfwheelException(message, inner)
{
    public override int ExitCode => ExitCodes.Host;
}

/// <summary>The source tree is not what the recipe requires: pin mismatch, local changes, a patch that conflicts.</summary>
public sealed class SourceException(string message, Exception? inner = null) : TfwheelException(message, inner)
{
    public override int ExitCode => ExitCodes.Source;
}

/// <summary>A command-line argument is wrong (unknown value, bad --set path, conflicting flags).</summary>
public sealed class UsageException(string message) : TfwheelException(message)
{
    public override int ExitCode => ExitCodes.Usage;
}

/// <summary>
/// A pipeline step found the product wanting (bazel build failed, verify found errors, a smoke workload
/// crashed, publishing was refused). Carries the exit code of its kind from <see cref="ExitCodes"/>.
/// </summary>
public sealed class StepFailedException(string message, int exitCode, Exception? inner = null)
    : TfwheelException(message, inner)
{
    public override int ExitCode { get; } = exitCode;
}
