namespace Tfwheel.Bench;

/// <summary>
/// A benchmark: measures tfwheel against a baseline measured in the same run and prints the ratio.
/// Run one with `dotnet run -c Release --project tests/Tfwheel.Bench -- NAME`.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line: what it measures and what the target ratio is.</summary>
    string Description { get; }

    /// <summary>Runs the measurement and prints it; returns the process exit code (0 when it ran, target met or not).</summary>
    Task<int> RunAsync(IReadOnlyList<string> args);
}
