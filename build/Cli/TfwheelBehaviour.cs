using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting.Hosting;
using Tfwheel.Errors;

namespace Tfwheel.Cli;

/// <summary>
/// Where tfwheel departs from Cake.Frosting's fixed behaviour (each one is listed in README, "Differences
/// from Cake.Frosting"): its documented exit codes, a bare <c>--flag</c> meaning true, <c>--exclusive</c>
/// visible to the tasks, quiet by default with <c>--format=json</c>, its own --help, and a failed
/// <c>[ContinueOnError]</c> task still failing the run.
/// </summary>
internal sealed class TfwheelBehaviour : IHostBehaviour
{
    public string? BareFlagValue => "true";

    public void PreProcessArguments(IDictionary<string, List<string?>> arguments, HostOptions options)
    {
        // The run's setup asks whether the target runs alone (no publish preflight then).
        if (options.Exclusive)
        {
            arguments["exclusive"] = ["true"];
        }
    }

    /// <summary>Quiet with --format=json, so standard output carries the JSON document alone (errors go to stderr).</summary>
    public Verbosity? DefaultVerbosity(ICakeArguments arguments) =>
        arguments.HasArgument("format") && arguments.GetArguments("format").LastOrDefault() is { } format &&
        format.Equals("json", StringComparison.OrdinalIgnoreCase)
            ? Verbosity.Quiet
            : null;

    public string? Help(IReadOnlyList<TaskSummary> tasks) => HelpText.For(tasks);

    public int Failed(Exception exception, ICakeLog log) => ErrorReport.Write(exception, log);

    /// <summary>A [ContinueOnError] task fails without an exception reaching the host: its failure still fails the run.</summary>
    public int Completed(CakeReport report) =>
        report.Any(e => e.ExecutionStatus == CakeTaskExecutionStatus.Failed) ? ExitCodes.TaskFailed : ExitCodes.Success;
}
