using System.Text;

namespace Tfwheel.Processes;

/// <summary>Formats a command for display the way a POSIX shell would need it quoted; for people, never for execution.</summary>
public static class CommandLine
{
    public static string Format(ProcessSpec spec) =>
        Redactor.Redact(Format(spec.Executable, spec.Arguments), spec.Secrets);

    public static string Format(string executable, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { executable }.Concat(arguments).Select(Quote));

    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+^~".Contains(c)))
        {
            return word;
        }

        var sb = new StringBuilder("'");
        sb.Append(word.Replace("'", "'\\''", StringComparison.Ordinal));
        return sb.Append('\'').ToString();
    }
}
