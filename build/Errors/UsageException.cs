namespace Tfwheel.Errors;

/// <summary>A command-line argument is wrong (unknown value, bad --set path, conflicting flags).</summary>
public sealed class UsageException(string message) : TfwheelException(message)
{
    public override int ExitCode => ExitCodes.Usage;
}
