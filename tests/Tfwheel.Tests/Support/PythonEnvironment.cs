namespace Tfwheel.Tests.Support;

/// <summary>
/// The environment in which python3.11, python3.12, ... all resolve. Our machines have pyenv (docs/facts/MACHINES.md:
/// "pyenv has 3.6-3.13"), whose shims run a version only when it is selected: PYENV_VERSION lists every installed one.
/// On a machine without pyenv the environment is left as is (python3.X from the system).
/// </summary>
public static class PythonEnvironment
{
    public static IReadOnlyDictionary<string, string?> WithEveryPython()
    {
        var root = Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        var versions = Path.Combine(root, "versions");
        if (!Directory.Exists(versions))
        {
            return new Dictionary<string, string?>();
        }

        // Newest first, so "python3" stays what it was only when the global version is listed first.
        var installed = Directory.GetDirectories(versions).Select(Path.GetFileName).OfType<string>().OrderByDescending(v => v, StringComparer.Ordinal);
        var global = File.Exists(Path.Combine(root, "version")) ? File.ReadAllText(Path.Combine(root, "version")).Trim() : null;
        var ordered = (global is null ? installed : installed.Where(v => v != global).Prepend(global)).ToList();
        return new Dictionary<string, string?> { ["PYENV_VERSION"] = string.Join(':', ordered) };
    }
}
