namespace Tfwheel.Errors;

/// <summary>This machine cannot do what was asked: wrong OS, a missing tool, a tool of the wrong version.</summary>
public sealed class HostException(string message, Exception? inner = null) : TfwheelException(message, inner)
{
    public override int ExitCode => ExitCodes.Host;
}
