using Tfwheel.Processes;

namespace Tfwheel.Compile;

/// <summary>
/// The compile stage: one bazel build (<see cref="Build"/>), then for TF &lt;= 2.16 the built
/// build_pip_package script run into <see cref="WheelDirectory"/> (<see cref="Package"/>).
/// </summary>
/// <param name="Invocation">The bazel command; its argv is <see cref="Build"/>'s, with remote header values as ***.</param>
/// <param name="WheelDirectory">Where the wheel appears: bazel-bin/.../wheel_house or the package output folder.</param>
/// <param name="BuildEventFile">The --build_event_json_file bazel writes.</param>
/// <param name="LogFile">artifacts/&lt;recipe&gt;/bazel.log: every line bazel printed.</param>
public sealed record CompilePlan(
    BazelInvocation Invocation,
    PlannedStep Build,
    PlannedStep? Package,
    IReadOnlyList<RemoteHeader> Headers,
    string WheelDirectory,
    string BuildEventFile,
    string LogFile)
{
    public IReadOnlyList<PlannedStep> Steps => Package is null ? [Build] : [Build, Package];
}
