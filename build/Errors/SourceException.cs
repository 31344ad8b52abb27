namespace Tfwheel.Errors;

/// <summary>The source tree is not what the recipe requires: pin mismatch, local changes, a patch that conflicts.</summary>
public sealed class SourceException(string message, Exception? inner = null) : TfwheelException(message, inner)
{
    public override int ExitCode => ExitCodes.Source;
}
