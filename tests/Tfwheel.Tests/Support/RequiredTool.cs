namespace Tfwheel.Tests.Support;

/// <summary>
/// The programs the tests start (bazel, nginx, llvm-objdump-15, chromium, node...), found on PATH before a
/// test uses them, so a machine without one fails with one line naming the command and the remedy rather
/// than a process-start stack trace. tests/run installs all of them.
/// </summary>
public static class RequiredTool
{
    /// <summary>The command's full path on PATH.</summary>
    /// <param name="package">What provides it on Debian, for the message.</param>
    public static string Find(string command, string package)
    {
        if (Path.IsPathRooted(command))
        {
            return File.Exists(command) ? command : throw Missing(command, package);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw Missing(command, package);
    }

    public static MissingToolException Missing(string what, string package) =>
        new($"{what} is not installed: run tests/run once (it installs what the tests need and fetches the pinned fixtures; here: {package}).");
}

/// <summary>A tool or fixture a test needs is not on this machine; the message says what to run.</summary>
public sealed class MissingToolException(string message) : Exception(message);
