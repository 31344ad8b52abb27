using Cake.Core;

namespace Cake.Frosting;

/// <summary>Setup and teardown around each task, as in Cake.Frosting.</summary>
/// <typeparam name="T">The build context type.</typeparam>
public abstract class FrostingTaskLifetime<T> : IFrostingTaskLifetime
    where T : ICakeContext
{
    public abstract void Setup(T context, ITaskSetupContext info);

    public abstract void Teardown(T context, ITaskTeardownContext info);

    void IFrostingTaskLifetime.Setup(ICakeContext context, ITaskSetupContext info) => Setup((T)context, info);

    void IFrostingTaskLifetime.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((T)context, info);
}
