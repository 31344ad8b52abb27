using Cake.Core;

namespace Cake.Frosting;

/// <summary>A synchronous task on the plain <see cref="ICakeContext"/> (what Cake's project template writes).</summary>
public abstract class FrostingTask : FrostingTask<ICakeContext>
{
}

/// <summary>A synchronous task: override <see cref="Run"/> and, if needed, the hooks.</summary>
/// <typeparam name="T">The build context type.</typeparam>
public abstract class FrostingTask<T> : IFrostingTask
    where T : ICakeContext
{
    public virtual void Run(T context)
    {
    }

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
        Run((T)context);
        return Task.CompletedTask;
    }

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((T)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (T)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((T)context);
}
