using System.Runtime.ExceptionServices;

namespace Cake.Frosting;

/// <summary>A task's default OnError: let the error propagate unchanged, stack and all.</summary>
internal static class ExceptionDispatch
{
    public static void Rethrow(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();
}
