using System.Reflection;
using System.Text;
using Cake.Frosting.Hosting;

namespace Cake.Frosting.Internal;

/// <summary>
/// The host's own --help: usage, the host options and the targets, read from the task classes' attributes
/// (no context or task is built for it). An app replaces it through <see cref="IHostBehaviour.Help"/>.
/// </summary>
internal static class HostHelp
{
    public static string Text(IReadOnlyList<TaskSummary> tasks)
    {
        var program = Assembly.GetEntryAssembly()?.GetName().Name ?? "build";
        var text = new StringBuilder($"""
            Usage: dotnet {program}.dll [options] [--name=value ...]

            Options:
              --target, -t NAME          the task to run (repeatable; default: Default)
              --verbosity, -v LEVEL      quiet | minimal | normal | verbose | diagnostic
              --working, -w PATH         the working directory
              --dryrun, --noop, --whatif show the tasks that would run, run none
              --tree, --showtree         show the task dependency tree
              --description              show each task's description
              --exclusive, -e            run the target without its dependencies
              --no-report                leave out the summary report
              --version                  print Cake's version
              --info                     print version information
              --help, -h                 print this help
              --name=value               any other argument, read by tasks (context.Arguments)

            Targets:

            """);
        var width = tasks.Select(t => t.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var task in tasks.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"  {task.Name.PadRight(width)}  {task.Description}".TrimEnd());
        }

        return text.ToString();
    }
}
