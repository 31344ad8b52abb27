using Cake.Core;

namespace Cake.Frosting;

/// <summary>An asynchronous task, as in Cake.Frosting: override <see cref="RunAsync"/> and optionally the hooks.</summary>
/// <typeparam name="T">The build context type.</typeparam>
public abstract class AsyncFrostingTask<T> : IFrostingTask
    where T : ICakeContext
{
    public virtual Task RunAsync(T context) => Task.CompletedTask;

    public virtual bool ShouldRun(T context) => true;

    public virtual void OnError(Exception exception, T context) => ExceptionDispatch.Rethrow(exception);

    public virtual void Finally(T context)
    {
    }

    public virtual string? SkippedMessage => null;

    Task IFrostingTask.RunAsync(ICakeContext context) => RunAsync(TaskContext.Cast<T>(context, this));

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun(TaskContext.Cast<T>(context, this));

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, TaskContext.Cast<T>(context, this));

    void IFrostingTask.Finally(ICakeContext context) => Finally(TaskContext.Cast<T>(context, this));
}
