namespace Tfwheel.Wheels;

/// <summary>
/// A parsed wheel file name: {distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl
/// (packaging.python.org binary-distribution-format). Tag sets are '.'-separated ("py2.py3").
/// </summary>
public sealed record WheelFileName(
    string Distribution, string Version, string? Build,
    IReadOnlyList<string> PythonTags, IReadOnlyList<string> AbiTags, IReadOnlyList<string> PlatformTags)
{
    /// <summary>Every python-abi-platform combination the compressed tag sets expand to.</summary>
    public IReadOnlyList<string> ExpandedTags =>
        (from p in PythonTags from a in AbiTags from f in PlatformTags select $"{p}-{a}-{f}").ToList();

    /// <summary>Parses the file name part of <paramref name="fileName"/>; null with <paramref name="error"/> when it breaks the grammar.</summary>
    public static WheelFileName? TryParse(string fileName, out string error)
    {
        var name = System.IO.Path.GetFileName(fileName);
        error = "";
        if (!name.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{name}' does not end in .whl";
            return null;
        }

        var parts = name[..^4].Split('-');
        if (parts.Length is not (5 or 6) || parts.Any(p => p.Length == 0))
        {
            error = $"'{name}' has {parts.Length} dash-separated parts; a wheel name has 5 or 6: name-version[-build]-python-abi-platform.whl";
            return null;
        }

        string? build = parts.Length == 6 ? parts[2] : null;
        if (build is not null && !char.IsAsciiDigit(build[0]))
        {
            error = $"'{name}': the build tag '{build}' must start with a digit";
            return null;
        }

        return new WheelFileName(
            parts[0], parts[1], build, parts[^3].Split('.'), parts[^2].Split('.'), parts[^1].Split('.'));
    }

    /// <summary>The dist-info directory this wheel must contain, with the distribution name normalized as installers do.</summary>
    public string DistInfoDirectory => $"{Distribution}-{Version}.dist-info";
}
