using System.Text.RegularExpressions;

namespace Tfwheel.Platforms;

/// <summary>
/// A parsed wheel file name: {distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl
/// (packaging.python.org binary-distribution-format). Tag sets are '.'-separated ("py2.py3"). The one
/// place tfwheel reads a wheel's name: Compile checks bazel's tag, Verify its promises, Smoke whether
/// this host can run it.
/// </summary>
public sealed partial record WheelFileName(
    string Distribution, string Version, string? Build,
    IReadOnlyList<string> PythonTags, IReadOnlyList<string> AbiTags, IReadOnlyList<string> PlatformTags)
{
    /// <summary>Every python-abi-platform combination the compressed tag sets expand to.</summary>
    public IReadOnlyList<string> ExpandedTags =>
        (from p in PythonTags from a in AbiTags from f in PlatformTags select $"{p}-{a}-{f}").ToList();

    /// <summary>The python part as written ("cp312"): it names the wheel's reports (verify-cp312.json).</summary>
    public string PythonTag => string.Join('.', PythonTags);

    /// <summary>The platform part as written ("manylinux_2_17_x86_64.manylinux2014_x86_64").</summary>
    public string Platform => string.Join('.', PlatformTags);

    /// <summary>The dist-info directory this wheel must contain, with the distribution name normalized as installers do.</summary>
    public string DistInfoDirectory => $"{Distribution}-{Version}.dist-info";

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

    /// <summary>Parses a wheel file name or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static WheelFileName Parse(string fileName) =>
        TryParse(fileName, out var error) ?? throw new FormatException(error);

    /// <summary>
    /// The OS and architecture the name promises (PEP 425 tags): macosx_12_0_arm64 -> (macos, arm64),
    /// manylinux_2_17_x86_64 -> (linux, x86_64). A compressed tag set names one platform several ways, so
    /// the first tag decides; null members mean "any" (a pure-Python wheel) or a tag this reader does not know.
    /// </summary>
    public WheelPlatform Target
    {
        get
        {
            var tag = PlatformTags[0];
            if (tag is "win_amd64" or "win_arm64")
            {
                return new WheelPlatform("windows", tag == "win_amd64" ? "x86_64" : "arm64");
            }

            var match = OsAndArch().Match(tag);
            return match.Success
                ? new WheelPlatform(match.Groups["os"].Value.StartsWith("macosx", StringComparison.Ordinal) ? "macos" : "linux", match.Groups["arch"].Value)
                : new WheelPlatform(null, null);
        }
    }

    [GeneratedRegex(@"^(?<os>macosx_\d+_\d+|manylinux_\d+_\d+|musllinux_\d+_\d+|manylinux\d+|linux)_(?<arch>\w+)$")]
    private static partial Regex OsAndArch();
}

/// <summary>The OS and architecture a wheel can run on; null members mean "any" or unknown.</summary>
/// <param name="Arch">As the tag spells it: arm64, x86_64, aarch64, universal2, ...</param>
public sealed record WheelPlatform(string? Os, string? Arch)
{
    /// <summary>The platform a wheel file's name promises; (null, null) when the name is not a wheel's.</summary>
    public static WheelPlatform FromFileName(string wheelPath) =>
        WheelFileName.TryParse(wheelPath, out _)?.Target ?? new WheelPlatform(null, null);

    /// <summary>Why <paramref name="host"/> cannot run this wheel, or null when it can.</summary>
    public string? WhyNotRunnableOn(HostPlatform host)
    {
        if (Os is not null && Os != host.Os)
        {
            return $"the wheel is for {Os} and this host runs {host.Os}";
        }

        // universal2 holds arm64 and x86_64 code, so either Mac runs it natively.
        var runs = Arch is null || (Arch == "universal2" ? host.Os == "macos" && host.Arch is "arm64" or "x86_64" : host.CanRunNatively(Arch));
        return runs ? null : $"the wheel is for {Arch} and this {host.Arch} host cannot run it natively";
    }
}
