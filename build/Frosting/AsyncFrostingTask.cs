using Cake.Core;

namespace Cake.Frosting;

/// <summary>An asynchronous task on the plain <see cref="ICakeContext"/>.</summary>
public abstract class AsyncFrostingTask : AsyncFrostingTask<ICakeContext>
{
}

/// <summary>An asynchronous task: override <see cref="RunAsync"/> and, if needed, the hooks.</summary>
/// <typeparam name="T">The build context type.</typeparam>
public abstract class AsyncFrostingTask<T> : IFrostingTask
    where T : ICakeContext
{
    public virtual Task RunAsync(T context) => Task.CompletedTask;

    public virtual bool ShouldRun(T context) => true;

    /// <summary>Called when the task fails. Does nothing unless overridden; the engine still fails the run.</summary>
    public virtual void OnError(Exception exception, T context)
    {
    }

    public virtual void Finally(T context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync((T)context);
    }

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((T)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (T)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((T)context);
}
