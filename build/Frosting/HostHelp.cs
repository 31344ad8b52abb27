using Cake.Core;
using Cake.Core.Diagnostics;
using Tfwheel.Reporting;

namespace Cake.Frosting;

/// <summary>The --help text: usage, the host's options and the targets with their descriptions.</summary>
internal static class HostHelp
{
    public static void Write(ICakeLog log, IEnumerable<ICakeTaskInfo> tasks)
    {
        log.InfoText("""
            Usage: dotnet run --project build -- [--target=NAME] [--name=value ...]

            Host options:
              --target, -t NAME        the task to run (default: Default)
              --verbosity, -v LEVEL    quiet | minimal | normal | verbose | diagnostic
              --dryrun                 show what would run (tasks that can, describe their actions)
              --tree                   show the task dependency tree
              --description            show each task's description
              --exclusive, -e          run the target without its dependencies
              --working, -w PATH       the working directory
              --version                print the version
              --name=value             any other argument, read by tasks (e.g. --recipe=macos-arm64)

            Targets:
            """);
        foreach (var task in tasks.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            log.InfoText($"  {task.Name,-12} {task.Description}");
        }
    }
}
