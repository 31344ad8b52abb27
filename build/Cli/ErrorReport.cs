using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Tfwheel.Cli;

/// <summary>
/// Turns what ended a run into tfwheel's documented exit code (README, "Exit codes") and one readable error.
/// The engine wraps a task's exception; the cause inside decides: our own errors carry their code, a wrong
/// command line or build set-up (<see cref="FrostingException"/>) is a usage error, Ctrl-C is 130, a
/// <see cref="CakeException"/> keeps its ExitCode, anything else 1. Stack traces only at --verbosity=diagnostic.
/// </summary>
internal static class ErrorReport
{
    public static Exception Unwrap(Exception exception)
    {
        while (exception is CakeReportException or AggregateException or System.Reflection.TargetInvocationException
               && exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return DiskFullException.From(exception) ?? exception; // wherever the write failed, a full disk is named as such
    }

    public static int ExitCodeFor(Exception exception) => Unwrap(exception) switch
    {
        TfwheelException e => e.ExitCode,
        FrostingException => ExitCodes.Usage,
        OperationCanceledException => ExitCodes.Interrupted,
        CakeException { ExitCode: not 0 } e => e.ExitCode,
        _ => ExitCodes.TaskFailed,
    };

    public static int Write(Exception exception, ICakeLog log)
    {
        var cause = Unwrap(exception);
        var code = ExitCodeFor(cause);
        var text = cause switch
        {
            OperationCanceledException => "Interrupted: the build was cancelled (Ctrl-C). Run the same command again to continue; Bazel keeps its incremental state.",
            TfwheelException or CakeException or FrostingException => cause.Message,
            _ => $"{cause.GetType().Name}: {cause.Message}",
        };
        log.ErrorText($"Error: {text}");
        if (log.Verbosity >= Verbosity.Diagnostic)
        {
            log.ErrorText(cause.ToString());
        }

        log.ErrorText($"(exit code {code})");
        return code;
    }
}
