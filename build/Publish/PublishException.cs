using Tfwheel.Errors;

namespace Tfwheel.Publish;

/// <summary>Publishing was refused or failed (exit code 10). The message never holds the token.</summary>
public sealed class PublishException(string message, Exception? inner = null) : TfwheelException(message, inner)
{
    public override int ExitCode => ExitCodes.Publish;
}
