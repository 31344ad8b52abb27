using System.Text.RegularExpressions;

namespace Tfwheel.Publishing;

/// <summary>
/// GitHub renames asset names with "special characters" on upload (space, '~', ':', '(', ')' become '.';
/// softprops/action-gh-release#159, actions/upload-release-asset#57). This mirrors gh's sanitizeFileName,
/// which mimics the server: anything but letters, digits, '_', '-', '+', '@' and '.' becomes '.', runs of
/// '.' collapse, and leading/trailing dots go. Preflight refuses a name GitHub would change.
/// </summary>
public static partial class AssetNameRules
{
    public static string Sanitize(string name)
    {
        var value = Special().Replace(name, ".");
        value = Dots().Replace(value, ".");
        return value.Trim('.');
    }

    public static bool SurvivesUpload(string name) => name.Length > 0 && Sanitize(name) == name;

    [GeneratedRegex(@"[^A-Za-z0-9_\-+@.]+")]
    private static partial Regex Special();

    [GeneratedRegex(@"\.{2,}")]
    private static partial Regex Dots();
}
