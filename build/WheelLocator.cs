using Tfwheel.Errors;

namespace Tfwheel;

/// <summary>
/// Which wheel Verify, Smoke and Publish work on: --wheel=PATH when given, otherwise the one wheel that
/// Compile left in artifacts/&lt;recipe&gt;/.
/// </summary>
public static class WheelLocator
{
    public static string Find(string? explicitWheel, string artifactsDirectory)
    {
        if (explicitWheel is not null)
        {
            var path = Path.GetFullPath(explicitWheel);
            return File.Exists(path)
                ? path
                : throw new UsageException($"--wheel={explicitWheel}: no such file ({path}).");
        }

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
