using System.Collections.Concurrent;
using System.Globalization;
using Cake.Core.Diagnostics;

namespace Tfwheel.Tests.Support;

/// <summary>A Cake log that keeps every line, so tests can assert on what a person would have read.</summary>
public sealed class TestLog : ICakeLog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    /// <summary>Called with each line as it is written (tests use it to act mid-run, e.g. to press Ctrl-C).</summary>
    public Action<string>? OnLine { get; set; }

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => [.. _lines];

    public string Text => string.Join('\n', _lines.Select(l => l.Text));

    public IEnumerable<string> Warnings => _lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Text);

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        var text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        _lines.Enqueue((level, text));
        OnLine?.Invoke(text);
    }
}
