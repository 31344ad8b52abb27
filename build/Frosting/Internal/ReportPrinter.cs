using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Spectre.Console;

namespace Cake.Frosting.Internal;

/// <summary>
/// Cake.Cli's task report table and step headers, left out at --verbosity=quiet: a quiet run's standard
/// output is the tasks' own product (a JSON document, say) and nothing else.
/// </summary>
internal sealed class ReportPrinter(IAnsiConsole console, ICakeLog log) : ICakeReportPrinter
{
    private readonly CakeSpectreReportPrinter _inner = new(console);

    private bool Quiet => log.Verbosity <= Verbosity.Quiet;

    public void Write(CakeReport report)
    {
        if (!Quiet)
        {
            _inner.Write(report);
        }
    }

    public void WriteStep(string name, Verbosity verbosity)
    {
        if (!Quiet)
        {
            _inner.WriteStep(name, verbosity);
        }
    }

    public void WriteLifeCycleStep(string name, Verbosity verbosity)
    {
        if (!Quiet)
        {
            _inner.WriteLifeCycleStep(name, verbosity);
        }
    }

    public void WriteSkippedStep(string name, Verbosity verbosity)
    {
        if (!Quiet)
        {
            _inner.WriteSkippedStep(name, verbosity);
        }
    }
}
