using Tfwheel.Errors;

namespace Tfwheel.Pipeline;

/// <summary>
/// Which wheel Verify, Smoke and Publish work on: --wheel=PATH when given, otherwise the one wheel that
/// Compile left in artifacts/&lt;recipe&gt;/.
/// </summary>
public static class WheelLocator
{
    /// <summary>--wheel when given (relative to the project root), otherwise the one wheel in the artifacts folder.</summary>
    public static string Find(string? wheelOption, string root, string artifactsDirectory) =>
        wheelOption is { } named ? Named(named, root) : InArtifacts(artifactsDirectory);

    /// <summary>The wheel --wheel names; a relative path is taken from the project root (--working).</summary>
    public static string Named(string wheel, string root)
    {
        var path = Path.GetFullPath(wheel, root);
        if (!File.Exists(path))
        {
            throw new UsageException($"--wheel={wheel}: no such file ({path}).");
        }

        // A FIFO would block the read forever; a device never ends.
        return Files.InputFile.Problem(path, long.MaxValue) is { } problem
            ? throw new UsageException($"--wheel={wheel}: {path} {problem}. Pass a .whl file.")
            : path;
    }

    public static string InArtifacts(string artifactsDirectory)
    {
        var wheels = Directory.Exists(artifactsDirectory) ? Directory.GetFiles(artifactsDirectory, "*.whl") : [];
        return wheels.Length switch
        {
            1 => wheels[0],
            0 => throw new UsageException(
                $"no wheel in {artifactsDirectory}: run the Compile target first (dotnet run --project build -- --target=Compile), or name one with --wheel=PATH."),
            _ => throw new UsageException(
                $"{wheels.Length} wheels in {artifactsDirectory} ({string.Join(", ", wheels.Select(Path.GetFileName))}): name the one to use with --wheel=PATH, or remove the stale ones."),
        };
    }
}
