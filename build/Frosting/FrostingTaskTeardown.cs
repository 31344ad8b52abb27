using Cake.Core;

namespace Cake.Frosting;

/// <summary>Code that runs after each task, on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTaskTeardown : FrostingTaskTeardown<ICakeContext>
{
}

/// <summary>Code that runs after each task (register it with <c>UseTaskTeardown&lt;T&gt;()</c> on the host).</summary>
/// <typeparam name="TContext">The build context type.</typeparam>
public abstract class FrostingTaskTeardown<TContext> : IFrostingTaskTeardown
    where TContext : ICakeContext
{
    public abstract void Teardown(TContext context, ITaskTeardownContext info);

    void IFrostingTaskTeardown.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((TContext)context, info);
}
