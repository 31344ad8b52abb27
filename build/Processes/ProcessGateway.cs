using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Cake.Core.Diagnostics;
using CliWrap;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Tfwheel.Processes;

/// <summary>
/// Starts programs through CliWrap: echoes "+ command" with secrets masked, streams output live,
/// keeps a tail for error reports, stops gracefully on cancellation and kills the tree on timeout.
/// </summary>
public sealed class ProcessGateway(ICakeLog log) : IProcessGateway
{
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, ProcessObserver? observer = null, CancellationToken cancellation = default)
    {
        if (spec.Echo)
        {
            log.InfoText("+ " + CommandLine.Format(spec));
        }

        var stdoutTail = new BoundedTail(spec.TailLines);
        var stderrTail = new BoundedTail(spec.TailLines);
        var captured = new StringBuilder();
        var command = CliWrap.Cli.Wrap(spec.Executable)
            .WithArguments(spec.Arguments)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(kv => kv.Key, kv => kv.Value))
            .WithStandardInputPipe(spec.StandardInput is null ? PipeSource.Null : PipeSource.FromString(spec.StandardInput))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => OnLine(spec, line, stdoutTail, observer?.StandardOutput, spec.CaptureStandardOutput ? captured : null)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => OnLine(spec, line, stderrTail, observer?.StandardError, null)));
        if (spec.WorkingDirectory is not null)
        {
            command = command.WithWorkingDirectory(spec.WorkingDirectory);
        }

        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        await using var escalate = cancellation.Register(() => forceful.CancelAfter(spec.GracePeriod));
        // No grace period: cancellation kills the whole tree at once, as the timeout does, with no SIGINT first
        // that would let the parent exit and orphan its children before the tree is walked.
        var graceful = spec.GracePeriod > TimeSpan.Zero ? cancellation : CancellationToken.None;
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await command.ExecuteAsync(forceful.Token, graceful);
            return Result(result.ExitCode, timedOut: false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            log.WarningText($"{spec.DisplayName} exceeded its {spec.Timeout?.TotalSeconds:0} s timeout; its process tree was killed");
            return Result(-1, timedOut: true);
        }
        catch (Exception e) when (IsNotFound(e))
        {
            throw new HostException(
                $"{spec.DisplayName} could not be started: '{spec.Executable}' was not found or is not executable" +
                (spec.WorkingDirectory is null ? "" : $" (working directory {spec.WorkingDirectory})") +
                $". Install it, put it on PATH, or point tfwheel at it (see 'dotnet run --project build -- --target=Doctor').",
                e);
        }

        ProcessResult Result(int exitCode, bool timedOut) =>
            new(spec, exitCode, captured.ToString(), stdoutTail.ToList(), stderrTail.ToList(), watch.Elapsed, timedOut);
    }

    private void OnLine(ProcessSpec spec, string raw, BoundedTail tail, Action<string>? observer, StringBuilder? capture)
    {
        var line = Redactor.Redact(raw, spec.Secrets);
        tail.Add(line);
        capture?.AppendLine(raw);
        if (observer is not null)
        {
            observer(line);
        }
        else if (spec.StreamOutput)
        {
            log.VerboseText(line);
        }
    }

    private static bool IsNotFound(Exception e) =>
        e is Win32Exception || e.InnerException is Win32Exception ||
        (e is InvalidOperationException && e.Message.Contains("Failed to start a process", StringComparison.Ordinal));
}
