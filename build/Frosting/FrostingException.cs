using Tfwheel.Errors;

namespace Cake.Frosting;

/// <summary>The host itself is misconfigured (a task with a bad dependency, a context a task cannot use).</summary>
public sealed class FrostingException(string message) : TfwheelException(message)
{
    public override int ExitCode => ExitCodes.Usage;
}
