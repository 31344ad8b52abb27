using System.Collections.Concurrent;
using System.Globalization;
using Cake.Core.Diagnostics;

namespace Tfwheel.Tests.Support;

/// <summary>A Cake log that keeps every line written to it, formatted as Cake would.</summary>
public sealed class TestLog : ICakeLog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<(LogLevel Level, string Text)> Lines => _lines.ToList();

    public string Text => string.Join("\n", _lines.Select(l => l.Text));

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
        _lines.Enqueue((level, args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args)));
}
