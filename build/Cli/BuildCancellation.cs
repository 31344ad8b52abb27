using System.Runtime.InteropServices;

namespace Tfwheel.Cli;

/// <summary>
/// Turns Ctrl-C and SIGTERM into a cancellation token the tasks pass to long-running work, so a build
/// stops gracefully (bazel gets SIGINT and keeps its state for an incremental re-run) instead of dying.
/// A second Ctrl-C ends the process at once. Registered by <see cref="TfwheelStartup"/>; listens from the
/// moment the context asks for it until the host disposes its services.
/// </summary>
public sealed class BuildCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<IDisposable> _registrations = [];

    public CancellationToken Token => _source.Token;

    internal void Listen()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                if (!_source.IsCancellationRequested)
                {
                    context.Cancel = true;
                    _source.Cancel();
                }
            }));
        }
    }

    public void Cancel() => _source.Cancel();

    public void Dispose()
    {
        _registrations.ForEach(r => r.Dispose());
        _source.Dispose();
    }
}
