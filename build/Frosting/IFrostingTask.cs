using Cake.Core;

namespace Cake.Frosting;

/// <summary>
/// A unit of work the host registers with the Cake engine, whatever its context type (Cake.Frosting's
/// <c>IFrostingTask</c>, cake-build/cake src/Cake.Frosting/IFrostingTask.cs at v6.0.0).
/// </summary>
public interface IFrostingTask
{
    /// <summary>
    /// Shown in the report when <see cref="ShouldRun"/> says no. Empty unless the task class re-implements
    /// the interface (<c>class T : FrostingTask&lt;C&gt;, IFrostingTask</c>) and declares a public
    /// <c>SkippedMessage</c>: the base classes do not declare one, as in Cake.Frosting 6.
    /// </summary>
    string SkippedMessage => string.Empty;

    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}
