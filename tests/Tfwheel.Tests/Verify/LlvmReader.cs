using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// An independent reader to cross-check ours: Debian's llvm-objdump-15 / llvm-readobj-15 (installed by
/// .ci/run), their text output reduced to the facts Verify reports.
/// </summary>
internal static partial class LlvmReader
{
    public sealed record Slice(string Arch, string? MinOs, IReadOnlyList<string> Libraries, IReadOnlyList<string> Rpaths, string? MaxGlibc, string? MaxGlibcxx = null);

    public static IReadOnlyList<Slice> MachO(string path)
    {
        var text = Run("llvm-objdump-15", "--macho", "--private-headers", "--arch=all", path);
        var blocks = ArchitectureLine().Split(text);
        var slices = new List<Slice>();

        // Split with a capture group yields [preamble, arch1, body1, arch2, body2, ...]; a thin file has no arch lines.
        var pairs = blocks.Length == 1 ? [(Arch: (string?)null, Body: blocks[0])] : Enumerable.Range(0, blocks.Length / 2).Select(i => (Arch: (string?)blocks[(2 * i) + 1], Body: blocks[(2 * i) + 2])).ToList();
        foreach (var (arch, body) in pairs)
        {
            var header = HeaderRow().Match(body);
            var name = arch ?? (header.Groups[1].Value, header.Groups[2].Value) switch
            {
                ("ARM64", "E") => "arm64e",
                ("ARM64", _) => "arm64",
                ("X86_64", _) => "x86_64",
                var other => other.ToString(),
            };
            var minos = MinOsLine().Match(body) is { Success: true } m ? m.Groups[1].Value : VersionMinLine().Match(body) is { Success: true } v ? v.Groups[1].Value : null;
            var libraries = DylibLine().Matches(body).Select(x => x.Groups[1].Value).ToList();
            var rpaths = RpathLine().Matches(body).Select(x => x.Groups[1].Value).ToList();
            slices.Add(new Slice(name, minos, libraries, rpaths, null));
        }

        return slices;
    }

    public static Slice Elf(string path)
    {
        var text = Run("llvm-readobj-15", "--file-headers", "--needed-libs", "--dynamic-table", "-V", path);
        var machine = MachineLine().Match(text).Groups[1].Value switch
        {
            "EM_AARCH64" => "aarch64",
            "EM_X86_64" => "x86_64",
            var other => other,
        };
        var needed = NeededBlock().Match(text) is { Success: true } n
            ? n.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
        var rpaths = PathLine().Matches(text).SelectMany(x => x.Groups[1].Value.Split(':')).ToList();
        var requirements = text.Contains("VersionRequirements [", StringComparison.Ordinal) ? text[text.IndexOf("VersionRequirements [", StringComparison.Ordinal)..] : "";
        Version? Highest(Regex name) => Dependency().Matches(requirements)
            .Where(d => !d.Groups[1].Value.StartsWith("ld-linux", StringComparison.Ordinal))
            .SelectMany(d => name.Matches(d.Groups[2].Value).Select(g => Version.Parse(g.Groups[1].Value)))
            .DefaultIfEmpty().Max();
        return new Slice(machine, null, needed, rpaths, Highest(GlibcName())?.ToString(), Highest(GlibcxxName())?.ToString());
    }

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(Support.RequiredTool.Find(program, "apt-get install llvm-15")) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start; install llvm-15 (see tests/run).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error}");
        return output.Result;
    }

    [GeneratedRegex(@"^\S+ \(architecture (\S+)\):$", RegexOptions.Multiline)]
    private static partial Regex ArchitectureLine();

    [GeneratedRegex(@"MH_MAGIC\S*\s+(\S+)\s+(\S+)\s+(?:0x|LIB64)")]
    private static partial Regex HeaderRow();

    [GeneratedRegex(@"^\s+minos (\S+)$", RegexOptions.Multiline)]
    private static partial Regex MinOsLine();

    [GeneratedRegex(@"cmd LC_VERSION_MIN_MACOSX\n\s+cmdsize \d+\n\s+version (\S+)")]
    private static partial Regex VersionMinLine();

    [GeneratedRegex(@"cmd LC_(?:LOAD_DYLIB|LOAD_WEAK_DYLIB|REEXPORT_DYLIB|LAZY_LOAD_DYLIB|LOAD_UPWARD_DYLIB)\n\s+cmdsize \d+\n\s+name (.+) \(offset \d+\)")]
    private static partial Regex DylibLine();

    [GeneratedRegex(@"cmd LC_RPATH\n\s+cmdsize \d+\n\s+path (.+) \(offset \d+\)")]
    private static partial Regex RpathLine();

    [GeneratedRegex(@"Machine: (\S+)")]
    private static partial Regex MachineLine();

    [GeneratedRegex(@"NeededLibraries \[\n((?:\s+\S+\n)*)\]")]
    private static partial Regex NeededBlock();

    [GeneratedRegex(@"Library r(?:un)?path: \[(.*)\]")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"FileName: (\S+)\n((?:.|\n)*?)\n  \}")]
    private static partial Regex Dependency();

    [GeneratedRegex(@"Name: GLIBC_([0-9.]+)")]
    private static partial Regex GlibcName();

    [GeneratedRegex(@"Name: GLIBCXX_([0-9.]+)")]
    private static partial Regex GlibcxxName();
}
