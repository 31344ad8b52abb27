namespace Tfwheel.Compile;

/// <summary>A --remote_header whose value is read from an environment variable when bazel runs (never planned, logged or stored).</summary>
/// <param name="ArgvIndex">Where in the build step's argv the "--remote_header=name=***" word sits.</param>
public sealed record RemoteHeader(string Name, string EnvironmentVariable, int ArgvIndex)
{
    public string Argument(string value) => $"--remote_header={Name}={value}";
}
