using Cake.Core;

namespace Cake.Frosting.Internal;

/// <summary>
/// The process console for the Cake log. Cake's CakeBuildLog renders with ANSI escapes when the console says
/// it supports them and otherwise sets console colours, which .NET may still turn into escapes; without
/// colour this console ignores colour changes, so the output is plain text.
/// </summary>
internal sealed class HostConsole(bool colour) : IConsole
{
    public ConsoleColor ForegroundColor
    {
        get => colour ? Console.ForegroundColor : ConsoleColor.Gray;
        set
        {
            if (colour)
            {
                Console.ForegroundColor = value;
            }
        }
    }

    public ConsoleColor BackgroundColor
    {
        get => colour ? Console.BackgroundColor : ConsoleColor.Black;
        set
        {
            if (colour)
            {
                Console.BackgroundColor = value;
            }
        }
    }

    public bool SupportAnsiEscapeCodes => colour;

    public void Write(string format, params object[] arg) => Console.Write(format, arg);

    public void Write(string value) => Console.Write(value);

    public void WriteLine(string format, params object[] arg) => Console.WriteLine(format, arg);

    public void WriteLine(string value) => Console.WriteLine(value);

    public void WriteError(string format, params object[] arg) => Console.Error.Write(format, arg);

    public void WriteError(string value) => Console.Error.Write(value);

    public void WriteErrorLine(string format, params object[] arg) => Console.Error.WriteLine(format, arg);

    public void WriteErrorLine(string value) => Console.Error.WriteLine(value);

    public void ResetColor()
    {
        if (colour)
        {
            Console.ResetColor();
        }
    }
}
