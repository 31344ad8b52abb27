namespace Tfwheel.Smoke;

/// <summary>
/// Reads why an import failed from the Python traceback: a native library for another architecture
/// (the dynamic loader's own words on macOS and Linux), a missing shared library, a missing Python
/// module, or a library built against different symbols.
/// </summary>
public static class ImportFailure
{
    // dyld: "mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64')";
    // glibc ld.so: "wrong ELF class: ELFCLASS32", "invalid ELF header" (a Mach-O or foreign file), "cannot open shared object file".
    private static readonly string[] WrongArchitecture =
        ["incompatible architecture", "wrong ELF class", "invalid ELF header", "Exec format error", "not a mach-o file", "ELF load command address/offset not properly aligned"];

    private static readonly string[] MissingLibrary = ["cannot open shared object file", "Library not loaded"];

    private static readonly string[] MissingSymbol = ["undefined symbol", "Symbol not found"];

    /// <summary>The diagnosis, or null when <paramref name="stderr"/> shows no ImportError/ModuleNotFoundError.</summary>
    public static string? Diagnose(IReadOnlyList<string> stderr, string hostArch)
    {
        if (!stderr.Any(l => l.TrimStart().StartsWith("ImportError", StringComparison.Ordinal) ||
                             l.TrimStart().StartsWith("ModuleNotFoundError", StringComparison.Ordinal)))
        {
            return null;
        }

        if (Find(stderr, WrongArchitecture) is { } arch)
        {
            return $"wrong architecture: {arch}. A native library in the wheel is not built for this {hostArch} Python: install a wheel built for {hostArch}, or use a Python of the wheel's architecture";
        }

        if (Find(stderr, MissingLibrary) is { } library)
        {
            return $"missing dependency: {library}. Install the shared library it names, or rebuild the wheel so it does not need it";
        }

        if (stderr.LastOrDefault(l => l.Contains("No module named", StringComparison.Ordinal)) is { } module)
        {
            return $"missing dependency: {Strip(module)}. Install it in the venv through smoke.pip-args (e.g. --find-links DIR), or add it to the wheel's requirements";
        }

        if (Find(stderr, MissingSymbol) is { } symbol)
        {
            return $"a native library does not match its dependencies: {symbol}. Rebuild the wheel against the libraries it is installed with";
        }

        var last = stderr.Last(l => l.TrimStart().StartsWith("ImportError", StringComparison.Ordinal) ||
                                    l.TrimStart().StartsWith("ModuleNotFoundError", StringComparison.Ordinal));
        return "import failed: " + Strip(last);
    }

    private static string? Find(IReadOnlyList<string> lines, string[] needles) =>
        lines.LastOrDefault(l => needles.Any(n => l.Contains(n, StringComparison.Ordinal))) is { } line ? Strip(line) : null;

    private static string Strip(string line)
    {
        var text = line.Trim();
        foreach (var prefix in new[] { "ModuleNotFoundError: ", "ImportError: " })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..];
            }
        }

        return text;
    }
}
