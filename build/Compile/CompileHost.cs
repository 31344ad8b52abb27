using Tfwheel.Platforms;

namespace Tfwheel.Compile;

/// <summary>The host facts the planner needs: where it runs, which Python configure.py gets, the home folder for "~".</summary>
/// <param name="Python">PYTHON_BIN_PATH for configure.py unless the recipe's configure.env sets it.</param>
public sealed record CompileHost(HostPlatform Platform, string Python, string Home)
{
    /// <summary>
    /// This machine, with <paramref name="python"/> made absolute from PATH: TensorFlow's configure.py
    /// checks that PYTHON_BIN_PATH is an executable file, so a bare "python3" would be refused.
    /// </summary>
    public static CompileHost Current(string python = "python3") =>
        new(HostPlatform.Current, FindOnPath(python), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    private static string FindOnPath(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar))
        {
            return Path.GetFullPath(program);
        }

        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return dirs.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists) ?? program;
    }
}
