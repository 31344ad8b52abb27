using System.Text.RegularExpressions;

namespace Tfwheel.Platforms;

/// <summary>
/// What a platform tag promises (packaging.python.org platform-compatibility-tags):
/// macosx_{major}_{minor}_{arch} (multi-arch names expand: universal2 = arm64 + x86_64),
/// manylinux_{glibc major}_{minor}_{arch} (legacy aliases manylinux1/2010/2014), linux_{arch}.
/// </summary>
/// <param name="Os">"macos", "linux" or "other".</param>
/// <param name="MinOs">macOS: the deployment target. manylinux: the glibc floor. Otherwise null.</param>
public sealed partial record PlatformTag(string Tag, string Os, IReadOnlyList<string> Archs, Version? MinOs)
{
    public static PlatformTag Parse(string tag)
    {
        var mac = MacTag().Match(tag);
        if (mac.Success)
        {
            var archs = mac.Groups[3].Value switch
            {
                "universal2" => new[] { "arm64", "x86_64" },
                "intel" => ["i386", "x86_64"],
                var single => [single],
            };
            return new PlatformTag(tag, "macos", archs, new Version(int.Parse(mac.Groups[1].Value), int.Parse(mac.Groups[2].Value)));
        }

        var many = ManylinuxTag().Match(tag);
        if (many.Success)
        {
            var glibc = new Version(int.Parse(many.Groups[1].Value), int.Parse(many.Groups[2].Value));
            return new PlatformTag(tag, "linux", [many.Groups[3].Value], glibc);
        }

        var legacy = LegacyManylinuxTag().Match(tag);
        if (legacy.Success)
        {
            // PEP 600: manylinux1 = glibc 2.5, manylinux2010 = 2.12, manylinux2014 = 2.17.
            var glibc = legacy.Groups[1].Value switch { "1" => new Version(2, 5), "2010" => new Version(2, 12), _ => new Version(2, 17) };
            return new PlatformTag(tag, "linux", [legacy.Groups[2].Value], glibc);
        }

        var linux = LinuxTag().Match(tag);
        return linux.Success
            ? new PlatformTag(tag, "linux", [linux.Groups[1].Value], null)
            : new PlatformTag(tag, "other", [], null);
    }

    [GeneratedRegex(@"^macosx_(\d+)_(\d+)_([a-z0-9_]+)$")]
    private static partial Regex MacTag();

    [GeneratedRegex(@"^manylinux_(\d+)_(\d+)_([a-z0-9_]+)$")]
    private static partial Regex ManylinuxTag();

    [GeneratedRegex(@"^manylinux(1|2010|2014)_([a-z0-9_]+)$")]
    private static partial Regex LegacyManylinuxTag();

    [GeneratedRegex(@"^linux_([a-z0-9_]+)$")]
    private static partial Regex LinuxTag();
}
