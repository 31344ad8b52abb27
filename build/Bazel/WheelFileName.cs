namespace Tfwheel.Bazel;

/// <summary>Reads the tags from a wheel file name: {dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl (PEP 427).</summary>
public static class WheelFileName
{
    public static string PlatformTag(string fileName)
    {
        var stem = fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) ? fileName[..^4] : fileName;
        var parts = stem.Split('-');
        return parts.Length is 5 or 6
            ? parts[^1]
            : throw new FormatException($"'{fileName}' is not a wheel file name (dist-version[-build]-python-abi-platform.whl)");
    }
}
