namespace Tfwheel.Compile;

/// <summary>
/// One bazel command line, in the order bazel requires: startup options before the command, then the
/// command's options, then the targets (https://bazel.build/run/scripts). Pure: <see cref="Argv"/> is the
/// whole argv, the program first.
/// </summary>
public sealed record BazelInvocation(
    string Executable,
    IReadOnlyList<string> StartupOptions,
    string Command,
    IReadOnlyList<string> Options,
    IReadOnlyList<string> Targets)
{
    public IReadOnlyList<string> Argv => [Executable, .. StartupOptions, Command, .. Options, .. Targets];

    /// <summary>The same server (same startup options) asked to shut down, so tests and CI leave no daemon behind.</summary>
    public BazelInvocation Shutdown => this with { Command = "shutdown", Options = [], Targets = [] };
}
