using Cake.Core;

namespace Cake.Frosting;

/// <summary>Code that runs once after the last task, on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTeardown : FrostingTeardown<ICakeContext>
{
}

/// <summary>Code that runs once after the last task (register it with <c>UseTeardown&lt;T&gt;()</c> on the host).</summary>
/// <typeparam name="TContext">The build context type.</typeparam>
public abstract class FrostingTeardown<TContext> : IFrostingTeardown
    where TContext : ICakeContext
{
    public abstract void Teardown(TContext context, ITeardownContext info);

    void IFrostingTeardown.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}
