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
