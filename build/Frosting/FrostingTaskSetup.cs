using Cake.Core;

namespace Cake.Frosting;

/// <summary>Code that runs before each task, on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTaskSetup : FrostingTaskSetup<ICakeContext>
{
}

/// <summary>Code that runs before each task (register it with <c>UseTaskSetup&lt;T&gt;()</c> on the host).</summary>
/// <typeparam name="TContext">The build context type.</typeparam>
public abstract class FrostingTaskSetup<TContext> : IFrostingTaskSetup
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ITaskSetupContext info);

    void IFrostingTaskSetup.Setup(ICakeContext context, ITaskSetupContext info) => Setup((TContext)context, info);
}
