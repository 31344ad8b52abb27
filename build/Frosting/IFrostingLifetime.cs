using Cake.Core;

namespace Cake.Frosting;

/// <summary>Runs once before the first task. If it fails, no task runs, but teardown still does.</summary>
public interface IFrostingSetup
{
    void Setup(ICakeContext context, ISetupContext info);
}

/// <summary>Runs once after the last task, whatever happened.</summary>
public interface IFrostingTeardown
{
    void Teardown(ICakeContext context, ITeardownContext info);
}

/// <summary>Setup and teardown around the whole run.</summary>
public interface IFrostingLifetime : IFrostingSetup, IFrostingTeardown
{
}
