using Cake.Core;

namespace Cake.Frosting;

/// <summary>What the host needs from a task class, whatever its context type (Cake.Frosting's <c>IFrostingTask</c>).</summary>
public interface IFrostingTask
{
    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);

    /// <summary>Shown in the report when <see cref="ShouldRun"/> says no.</summary>
    string? SkippedMessage { get; }
}
