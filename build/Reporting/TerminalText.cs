using System.Globalization;
using System.Text;

namespace Tfwheel.Reporting;

/// <summary>
/// Makes text from a file (member names in a wheel, library names in a binary) safe to print: control
/// characters become visible escapes, so a name holding "\n::error ::..." cannot start a GitHub workflow
/// command (GitHub docs, "Workflow commands": a command is a line starting with ::) and one holding ESC ]
/// cannot send an OSC sequence to the terminal (ECMA-48). C0 and C1 controls, DEL, the Unicode line and
/// paragraph separators and the bidirectional overrides (which can make text read backwards, CVE-2021-42574)
/// are escaped; everything else is kept.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text, int maxLength = int.MaxValue)
    {
        var cut = text.Length > maxLength ? text[..maxLength] : text;
        if (!cut.Any(NeedsEscape) && cut.Length == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            if (!NeedsEscape(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when c <= 0xFF => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                });
            }
        }

        if (cut.Length < text.Length)
        {
            sb.Append(CultureInfo.InvariantCulture, $"... ({text.Length - cut.Length} more characters)");
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
