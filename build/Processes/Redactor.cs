namespace Tfwheel.Processes;

/// <summary>Replaces secret values with <c>***</c> wherever they occur in text meant for people or files.</summary>
public static class Redactor
{
    public const string Mask = "***";

    public static string Redact(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
