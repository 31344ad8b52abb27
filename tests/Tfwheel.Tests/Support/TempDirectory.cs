namespace Tfwheel.Tests.Support;

/// <summary>A fresh folder under the system temp dir, removed when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "tfwheel-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            // bazel makes its output trees read-only; make them writable so they can be deleted
            foreach (var dir in OperatingSystem.IsWindows() ? [] : Directory.EnumerateDirectories(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
            {
#pragma warning disable CA1416 // guarded by the IsWindows check above
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
#pragma warning restore CA1416
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // leave it to the OS's temp cleaning; a failed cleanup must not fail the test
        }
    }
}
