using System.Text.RegularExpressions;

namespace Tfwheel.Publish;

/// <summary>
/// "GitHub renames asset filenames that have special characters, non-alphanumeric characters, and leading or
/// trailing periods" (OpenAPI repos/upload-release-asset); observed: space, '~', ':', '(' and ')' become '.'
/// (softprops/action-gh-release#159, actions/upload-release-asset#57) while '+', '-', '_' and '.' survive. This
/// is a conservative allowlist built from those cases: a name outside it is refused in preflight rather than
/// renamed behind the user's back (a renamed asset would never match on the next run).
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
