using System.Text;
using Cake.Frosting.Hosting;

namespace Tfwheel.Cli;

/// <summary>tfwheel's --help: how to run it, the host's options, and every target with its description.</summary>
internal static class HelpText
{
    public static string For(IReadOnlyList<TaskSummary> tasks)
    {
        var text = new StringBuilder("""
            Usage: dotnet run --project build -- [--target=NAME] [--name=value ...]

            Host options:
              --target, -t NAME        the task to run (default: Default)
              --verbosity, -v LEVEL    quiet | minimal | normal | verbose | diagnostic
                                       (default: normal; quiet with --format=json)
              --dryrun                 show what would run (tasks that can, describe their actions)
              --tree                   show the task dependency tree
              --description            show each task's description
              --exclusive, -e          run the target without its dependencies
              --working, -w PATH       the working directory
              --no-report              leave out the task summary table
              --version, --info        print Cake's version / version information
              --name=value             any other argument, read by tasks (e.g. --recipe=macos-arm64);
                                       a bare --name means true

            Targets:

            """);
        foreach (var task in tasks.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"  {task.Name,-12} {task.Description}".TrimEnd());
        }

        return text.ToString();
    }
}
