using Tfwheel.Reporting;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Verify;

/// <summary>One row per native binary: path, format, architectures, minimum OS, notable libraries.</summary>
public static class BinaryTable
{
    private const int MaxLibrariesShown = 4;

    /// <summary>A cell longer than this is cut: one hostile name must not widen every row.</summary>
    private const int MaxCell = 160;

    public static void Write(IReadOnlyList<NativeBinary> binaries, TextWriter output)
    {
        var rows = binaries.Select(b => new[] { b.Path, b.Format, string.Join(",", b.Archs), b.MinOs ?? "-", Notable(b) }
            .Select(cell => TerminalText.Escape(cell, MaxCell)).ToArray()).ToList();
        if (rows.Count == 0)
        {
            output.WriteLine("No native binaries.");
            return;
        }

        var header = new[] { "BINARY", "FORMAT", "ARCHS", "MIN OS", "LIBRARIES" };
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        }
    }

    /// <summary>The libraries worth a glance: not libSystem or libc; frameworks by their short name.</summary>
    private static string Notable(NativeBinary binary)
    {
        var names = binary.Libraries
            .Where(l => !l.StartsWith("/usr/lib/libSystem", StringComparison.Ordinal) && !l.StartsWith("libc.so", StringComparison.Ordinal))
            .Select(l => l.Contains(".framework/", StringComparison.Ordinal) ? l[(l.LastIndexOf('/') + 1)..] : l)
            .ToList();
        return names.Count <= MaxLibrariesShown
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(MaxLibrariesShown)) + $" (+{names.Count - MaxLibrariesShown})";
    }
}
