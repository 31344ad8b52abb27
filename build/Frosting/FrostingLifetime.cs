using Cake.Core;

namespace Cake.Frosting;

/// <summary>Setup and teardown around the whole run, on the plain <see cref="ICakeContext"/>.</summary>
public abstract class FrostingLifetime : FrostingLifetime<ICakeContext>
{
}

/// <summary>Setup and teardown around the whole run.</summary>
/// <typeparam name="TContext">The build context type.</typeparam>
public abstract class FrostingLifetime<TContext> : IFrostingLifetime
    where TContext : ICakeContext
{
    public abstract void Setup(TContext context, ISetupContext info);

    public abstract void Teardown(TContext context, ITeardownContext info);

    void IFrostingSetup.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);

    void IFrostingTeardown.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}
