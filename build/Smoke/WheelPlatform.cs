using System.Text.RegularExpressions;

namespace Tfwheel.Smoke;

/// <summary>
/// The OS and architecture a wheel's file name promises, read from its platform tag (PEP 427 file
/// name, PEP 425 tags): macosx_12_0_arm64 -> (macos, arm64), manylinux_2_17_x86_64 -> (linux, x86_64).
/// Null members mean "any" (a pure-Python wheel) or a tag this reader does not know.
/// </summary>
public sealed partial record WheelPlatform(string? Os, string? Arch)
{
    public static WheelPlatform FromFileName(string wheelPath)
    {
        var parts = Path.GetFileNameWithoutExtension(wheelPath).Split('-');
        if (parts.Length < 5)
        {
            return new WheelPlatform(null, null);
        }

        // A compressed tag set (manylinux_2_17_x86_64.manylinux2014_x86_64) names one platform several ways.
        var tag = parts[^1].Split('.')[0];
        if (tag == "any")
        {
            return new WheelPlatform(null, null);
        }

        if (tag is "win_amd64" or "win_arm64")
        {
            return new WheelPlatform("windows", tag == "win_amd64" ? "x86_64" : "arm64");
        }

        var match = PlatformTag().Match(tag);
        if (!match.Success)
        {
            return new WheelPlatform(null, null);
        }

        return new WheelPlatform(match.Groups["os"].Value.StartsWith("macosx", StringComparison.Ordinal) ? "macos" : "linux", match.Groups["arch"].Value);
    }

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

    [GeneratedRegex(@"^(?<os>macosx_\d+_\d+|manylinux_\d+_\d+|musllinux_\d+_\d+|manylinux\d+|linux)_(?<arch>\w+)$")]
    private static partial Regex PlatformTag();
}
