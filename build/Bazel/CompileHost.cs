namespace Tfwheel.Bazel;

/// <summary>The host facts the planner needs: where it runs, which Python configure.py gets, the home folder for "~".</summary>
/// <param name="Python">PYTHON_BIN_PATH for configure.py unless the recipe's configure.env sets it.</param>
public sealed record CompileHost(HostPlatform Platform, string Python, string Home)
{
    public static CompileHost Current(string python = "python3") =>
        new(HostPlatform.Current, python, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
