using Cake.Core;

namespace Cake.Frosting;

/// <summary>Code that runs once before the first task, on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingSetup : FrostingSetup<ICakeContext>
{
}

/// <summary>Code that runs once before the first task (register it with <c>UseSetup&lt;T&gt;()</c> on the host).</summary>
/// <typeparam name="TContext">The build context type.</typeparam>
public abstract class FrostingSetup<TContext> : IFrostingSetup
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ISetupContext info);

    void IFrostingSetup.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);
}
