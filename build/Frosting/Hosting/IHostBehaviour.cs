using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Hosting;

/// <summary>
/// Not part of Cake.Frosting 6: what an app may change in what the real host fixes. Register one with
/// <c>services.AddSingleton&lt;IHostBehaviour, T&gt;()</c> (from a startup class); every member has the real
/// host's behaviour as its default, so a host without one behaves as Cake.Frosting does.
/// </summary>
public interface IHostBehaviour
{
    /// <summary>The value a bare <c>--flag</c> has in <c>context.Arguments</c>. Cake.Frosting: none (null).</summary>
    string? BareFlagValue => null;

    /// <summary>
    /// Edits the task arguments before they are frozen (Cake.Cli's <c>ToCakeArguments</c> takes the same
    /// hook): names are case-insensitive, <c>target</c> is always there, host options are not.
    /// </summary>
    void PreProcessArguments(IDictionary<string, List<string?>> arguments, HostOptions options)
    {
    }

    /// <summary>The verbosity when <c>--verbosity</c> is not given (null: Normal).</summary>
    Verbosity? DefaultVerbosity(ICakeArguments arguments) => null;

    /// <summary>The <c>--help</c> text, given the task classes found (no context is built); null for the host's own.</summary>
    string? Help(IReadOnlyList<TaskSummary> tasks) => null;

    /// <summary>Reports what ended the run and returns the exit code. Default: Cake.Cli's ExceptionLogger.</summary>
    int Failed(Exception exception, ICakeLog log) => Cake.Cli.ExceptionLogger.LogException(log, exception);

    /// <summary>The exit code of a run the engine finished (with <c>[ContinueOnError]</c> tasks that may have failed). Default 0.</summary>
    int Completed(CakeReport report) => 0;
}
