using Cake.Core.Diagnostics;
using Tfwheel.Reporting;

namespace Tfwheel.Compile;

/// <summary>
/// Shows bazel's progress: a redrawn bar when standard error is a terminal, otherwise one log line
/// per <see cref="Interval"/> (CI logs stay short). Errors and warnings from bazel always reach the log.
/// </summary>
public sealed class ProgressReporter(ICakeLog log, bool terminal, TimeProvider clock)
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(30);

    private DateTimeOffset _lastLine = DateTimeOffset.MinValue;
    private bool _barShown;
    private string? _lastShown;

    public static ProgressReporter ForConsole(ICakeLog log) =>
        new(log, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null, TimeProvider.System);

    public void OnLine(string line)
    {
        if (BuildProgress.TryParse(line) is { } progress)
        {
            Show(progress);
            return;
        }

        if (line.StartsWith("ERROR:", StringComparison.Ordinal) || line.StartsWith("WARNING:", StringComparison.Ordinal) ||
            line.StartsWith("FAILED:", StringComparison.Ordinal) || line.StartsWith("INFO: Build completed", StringComparison.Ordinal))
        {
            // Bazel without a terminal repeats its closing line ("INFO: Build completed successfully, ...") after
            // the final progress event: show a line the same as the one just shown once.
            if (line == _lastShown)
            {
                return;
            }

            EndBar();
            log.InfoText(line);
            _lastShown = line;
        }
        else
        {
            log.VerboseText(line);
        }
    }

    public void EndBar()
    {
        if (_barShown)
        {
            Console.Error.WriteLine();
            _barShown = false;
        }
    }

    private void Show(BuildProgress progress)
    {
        if (terminal)
        {
            var filled = progress.Percent / 5;
            var width = Math.Max(20, Console.WindowWidth - 30);
            var text = progress.ToString();
            Console.Error.Write($"\r[{new string('#', filled)}{new string(' ', 20 - filled)}] {(text.Length > width ? text[..width] : text.PadRight(width))}");
            _barShown = true;
            return;
        }

        var now = clock.GetUtcNow();
        if (now - _lastLine >= Interval)
        {
            _lastLine = now;
            log.InfoText("bazel: " + progress);
        }
    }
}
