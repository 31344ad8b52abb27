using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>The real program started in the background, so a test can wait for a line, signal it, or kill it mid-run.</summary>
internal sealed class BackgroundTfwheel : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new(StringComparer.Ordinal);

    private BackgroundTfwheel(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    public static BackgroundTfwheel Start(string workingDirectory, params string[] args)
    {
        // A test run started in the background by a non-interactive shell inherits SIGINT ignored, and .NET leaves
        // an ignored signal ignored: coreutils env restores the default first, so the program sees Ctrl-C.
        var start = new ProcessStartInfo("env") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Prepend(TfwheelProcess.Program).Prepend("dotnet").Prepend("--default-signal=INT,TERM"))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("GITHUB_ACTIONS");
        var run = new BackgroundTfwheel(Process.Start(start)!);
        run._process.OutputDataReceived += (_, e) => run.OnLine(e.Data);
        run._process.ErrorDataReceived += (_, e) => run.OnLine(e.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been printed (or fails after the timeout, with the output so far).</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var wait = _waits.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_output.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            wait.TrySetResult();
        }

        try
        {
            await wait.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{text}' was not printed within {timeout}:\n{Output}");
        }
    }

    /// <summary>Sends a signal by name (INT, TERM, KILL) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task WaitForExitAsync(TimeSpan timeout) => await _process.WaitForExitAsync().WaitAsync(timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        foreach (var (text, wait) in _waits)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                wait.TrySetResult();
            }
        }
    }
}
