namespace Tfwheel.Processes;

/// <summary>The one way tfwheel starts external programs (docs/STYLE.md rule 5).</summary>
public interface IProcessGateway
{
    /// <summary>
    /// Runs the program to completion. A non-zero exit or a timeout is returned, not thrown
    /// (call <see cref="ProcessResult.EnsureSuccess"/>). Cancelling <paramref name="cancellation"/>
    /// stops the program gracefully (SIGINT, then a kill after the grace period) and throws
    /// <see cref="OperationCanceledException"/>. A missing executable throws <see cref="Errors.HostException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, ProcessObserver? observer = null, CancellationToken cancellation = default);
}
