using Cake.Core;

namespace Cake.Frosting;

/// <summary>Setup and teardown around the whole run, as in Cake.Frosting.</summary>
/// <typeparam name="T">The build context type.</typeparam>
public abstract class FrostingLifetime<T> : IFrostingLifetime
    where T : ICakeContext
{
    public abstract void Setup(T context, ISetupContext info);

    public abstract void Teardown(T context, ITeardownContext info);

    void IFrostingLifetime.Setup(ICakeContext context, ISetupContext info) => Setup((T)context, info);

    void IFrostingLifetime.Teardown(ICakeContext context, ITeardownContext info) => Teardown((T)context, info);
}
