using Cake.Core.Diagnostics;

namespace Tfwheel.Tests.Support;

/// <summary>A Cake log that keeps every line, for asserting on what a component said (and did not say).</summary>
public sealed class TestLog : ICakeLog
{
    private readonly List<string> _lines = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        var line = args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
