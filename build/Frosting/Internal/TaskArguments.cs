using Cake.Core;
using Cake.Frosting.Hosting;

namespace Cake.Frosting.Internal;

/// <summary>
/// <c>context.Arguments</c> as Cake.Cli builds them (cake-build/cake src/Cake.Cli/Infrastructure/RemainingArgsParser.cs):
/// the task arguments, <c>target</c> always (the targets, "Default" when none), and the report switch as the
/// setting Cake.Cli reads; the host's other options stay out.
/// </summary>
internal static class TaskArguments
{
    /// <summary>The argument Cake.Cli's build script host reads to leave out the summary report.</summary>
    public const string NoReport = "Settings_NoReport";

    public static CakeArguments Create(CommandLine commandLine, IHostBehaviour behaviour)
    {
        var arguments = new Dictionary<string, List<string?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in commandLine.TaskArguments)
        {
            if (!arguments.TryGetValue(name, out var values))
            {
                arguments[name] = values = [];
            }

            values.Add(value ?? behaviour.BareFlagValue);
        }

        arguments["target"] = [.. commandLine.Options.Targets];
        if (commandLine.Options.NoReport)
        {
            arguments.TryAdd(NoReport, [bool.TrueString]);
        }

        behaviour.PreProcessArguments(arguments, commandLine.Options);
        return new CakeArguments(arguments
            .SelectMany(a => a.Value, (a, value) => (a.Key, Value: value!))
            .ToLookup(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase));
    }
}
