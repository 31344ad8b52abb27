using Cake.Core;

namespace Cake.Frosting;

/// <summary>A synchronous task, as in Cake.Frosting: override <see cref="Run"/> and optionally the hooks.</summary>
/// <typeparam name="T">The build context type.</typeparam>
public abstract class FrostingTask<T> : IFrostingTask
    where T : ICakeContext
{
    public virtual void Run(T context)
    {
    }

    public virtual bool ShouldRun(T context) => true;

    public virtual void OnError(Exception exception, T context) => ExceptionDispatch.Rethrow(exception);

    public virtual void Finally(T context)
    {
    }

    public virtual string? SkippedMessage => null;

    Task IFrostingTask.RunAsync(ICakeContext context)
    {
        Run(TaskContext.Cast<T>(context, this));
        return Task.CompletedTask;
    }

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun(TaskContext.Cast<T>(context, this));

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, TaskContext.Cast<T>(context, this));

    void IFrostingTask.Finally(ICakeContext context) => Finally(TaskContext.Cast<T>(context, this));
}
