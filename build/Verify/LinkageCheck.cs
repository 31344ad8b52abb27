using Tfwheel.Verify.Binaries;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Verify;

/// <summary>
/// What a binary loads and where it looks (delocate's and auditwheel's rules): no libraries from the
/// build machine (/usr/local, /opt/homebrew, home directories), no libpython (the interpreter provides
/// its symbols), @rpath/@loader_path names that resolve to a file inside the wheel, and search paths
/// relative to the binary (@loader_path, $ORIGIN) only. System paths (/usr/lib, /System) are allowed
/// and never looked up: they live in the dyld shared cache.
/// </summary>
public static class LinkageCheck
{
    private static readonly string[] BuildMachinePrefixes = ["/usr/local/", "/opt/homebrew/", "/opt/local/", "/Users/", "/home/", "/tmp/", "/private/"];

    /// <param name="files">Every file path in the wheel (or installed package), '/'-separated, relative to its root.</param>
    public static IEnumerable<Finding> Check(NativeBinary binary, IReadOnlySet<string> files)
    {
        var findings = new List<Finding>();
        foreach (var slice in binary.Slices)
        {
            var rpathDirectories = binary.IsMachO ? RpathDirectories(binary.Path, slice) : [];
            foreach (var library in slice.Libraries)
            {
                if (IsLibpython(library.Name))
                {
                    findings.Add(Finding.Error(FindingCodes.LinkLibpython, binary.Path,
                        $"The binary links {library.Name}; an extension must take Python's symbols from the interpreter that loads it (link with -undefined dynamic_lookup on macOS, leave libpython out on Linux)."));
                }
                else if (binary.IsMachO)
                {
                    CheckMachOLibrary(binary.Path, slice, rpathDirectories, library, files, findings);
                }
            }

            foreach (var rpath in slice.Rpaths)
            {
                var relative = binary.IsMachO
                    ? rpath.StartsWith("@loader_path", StringComparison.Ordinal) || rpath.StartsWith("@executable_path", StringComparison.Ordinal)
                    : rpath.StartsWith("$ORIGIN", StringComparison.Ordinal) || rpath.StartsWith("${ORIGIN}", StringComparison.Ordinal);
                if (!relative)
                {
                    var fix = binary.IsMachO ? "use @loader_path/... (install_name_tool -delete_rpath / -add_rpath)" : "use $ORIGIN/... (patchelf --set-rpath)";
                    findings.Add(Finding.Error(FindingCodes.LinkRpath, binary.Path,
                        $"The binary searches {rpath} for libraries, a path on the build machine that users do not have; {fix}."));
                }
            }
        }

        return findings.Distinct();
    }

    private static void CheckMachOLibrary(string path, BinarySlice slice, IReadOnlyList<string> rpathDirectories, LinkedLibrary library, IReadOnlySet<string> files, List<Finding> findings)
    {
        var name = library.Name;
        var severity = library.Kind == "weak" ? Severity.Warning : Severity.Error;
        if (BuildMachinePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            findings.Add(new Finding(FindingCodes.LinkForbiddenPath, severity, path,
                $"The binary loads {name}, which exists only on the build machine; bundle the library in the wheel and refer to it as @rpath/ or @loader_path/ (delocate-wheel does this), or link it statically."));
            return;
        }

        if (name.StartsWith("@loader_path/", StringComparison.Ordinal))
        {
            if (!files.Contains(Resolve(path, name["@loader_path/".Length..]) ?? ""))
            {
                findings.Add(new Finding(FindingCodes.LinkUnresolved, severity, path, $"The binary loads {name}, but no such file is in the wheel next to it; bundle the library or fix the install name."));
            }
        }
        else if (name.StartsWith("@rpath/", StringComparison.Ordinal))
        {
            var rest = name["@rpath/".Length..];
            var found = rpathDirectories.Any(dir => Resolve(dir.Length > 0 ? dir + "/x" : "x", rest) is { } candidate && files.Contains(candidate));
            if (!found)
            {
                var searched = slice.Rpaths.Count == 0 ? "it has no LC_RPATH" : "its LC_RPATH entries are " + FirstFew(slice.Rpaths);
                findings.Add(new Finding(FindingCodes.LinkUnresolved, severity, path,
                    $"The binary loads {name}, but {searched} and none leads to that file in the wheel; add the library to the wheel or an LC_RPATH @loader_path/... that reaches it."));
            }
        }
        else if (name.StartsWith("@executable_path/", StringComparison.Ordinal))
        {
            findings.Add(Finding.Warning(FindingCodes.LinkUnresolved, path, $"The binary loads {name}; inside a Python package the executable is python itself, so use @loader_path/ or @rpath/ instead."));
        }
        else if (!name.StartsWith("/usr/lib/", StringComparison.Ordinal) && !name.StartsWith("/System/", StringComparison.Ordinal))
        {
            findings.Add(new Finding(FindingCodes.LinkForbiddenPath, Severity.Warning, path, $"The binary loads {name}, which is neither a system library nor inside the wheel; bundle it and refer to it as @rpath/."));
        }
    }

    /// <summary>The @loader_path search directories resolved once per binary (a slice may name hundreds), relative to the wheel's root.</summary>
    private static List<string> RpathDirectories(string binaryPath, BinarySlice slice) =>
        [.. slice.Rpaths.Where(r => r.StartsWith("@loader_path", StringComparison.Ordinal))
            .Select(r => Resolve(binaryPath, r["@loader_path".Length..].TrimStart('/')))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The first few items and how many more: a message never grows with a hostile count.</summary>
    public static string FirstFew(IReadOnlyList<string> items, int shown = 5) =>
        items.Count <= shown ? string.Join(", ", items) : $"{string.Join(", ", items.Take(shown))} and {items.Count - shown} more";

    /// <summary>Joins a path relative to the binary's directory, folding "." and ".."; null when it climbs out of the root.</summary>
    public static string? Resolve(string binaryPath, string relative)
    {
        var parts = binaryPath.Split('/').SkipLast(1).ToList();
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    private static bool IsLibpython(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file.StartsWith("libpython", StringComparison.Ordinal) || name.Contains("Python.framework/", StringComparison.Ordinal);
    }
}
