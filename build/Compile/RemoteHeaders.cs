using Tfwheel.Errors;

namespace Tfwheel.Compile;

/// <summary>Reads remote header values from the environment variables the recipe names, only when bazel is about to run.</summary>
public static class RemoteHeaders
{
    /// <param name="stage">The stage that needs the values (Configure checks early, Compile runs bazel), for the error message.</param>
    public static IReadOnlyDictionary<RemoteHeader, string> Resolve(IReadOnlyList<RemoteHeader> headers, string stage)
    {
        var values = new Dictionary<RemoteHeader, string>();
        foreach (var header in headers)
        {
            var value = Environment.GetEnvironmentVariable(header.EnvironmentVariable);
            if (string.IsNullOrEmpty(value))
            {
                throw new HostException(
                    $"{stage}: remote header '{header.Name}' takes its value from ${header.EnvironmentVariable}, which is not set. " +
                    $"Export {header.EnvironmentVariable} (a CI secret), or remove '{header.Name}' from bazel.remote.header-env.");
            }

            values[header] = value;
        }

        return values;
    }
}

/// <summary>A --remote_header whose value is read from an environment variable when bazel runs (never planned, logged or stored).</summary>
/// <param name="ArgvIndex">Where in the build step's argv the "--remote_header=name=***" word sits.</param>
public sealed record RemoteHeader(string Name, string EnvironmentVariable, int ArgvIndex)
{
    public string Argument(string value) => $"--remote_header={Name}={value}";
}
