using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// llvm-objdump-15's disassembly (installed by .ci/run), streamed line by line and never stored: each
/// instruction's address, encoding, mnemonic and operands, for an independent count to hold the audit to.
/// </summary>
internal static partial class LlvmDisassembly
{
    /// <summary>Every feature llvm-15 knows for AArch64 that the audit classifies, so nothing decodes as unknown for want of it.</summary>
    public const string Arm64Attributes = "--mattr=+v8.6a,+sve2,+sme,+i8mm,+bf16,+fullfp16,+dotprod,+lse,+rcpc,+jsconv,+complxnum,+aes,+sha2,+sha3,+crc,+rdm";

    public sealed record Line(ulong Address, string Encoding, string Mnemonic, string Operands);

    public static void Each(string file, Action<Line> onLine, params string[] options)
    {
        var start = new ProcessStartInfo("llvm-objdump-15", ["-d", .. options, file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        while (process.StandardOutput.ReadLine() is { } text)
        {
            // "  1435a4: ce 03 1e 52  \teor3.16b\tv18, ..." (Mach-O) or "  1435a4:\tce031e52\teor3\tv18.16b, ..." (ELF, --no-print-imm-hex etc.)
            var m = InstructionLine().Match(text);
            if (m.Success)
            {
                var mnemonic = m.Groups[3].Value.Trim();
                onLine(new Line(Convert.ToUInt64(m.Groups[1].Value, 16), m.Groups[2].Value.Replace(" ", "", StringComparison.Ordinal), mnemonic, m.Groups[4].Value));
            }
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"llvm-objdump-15 failed on {file}: {errors.Result} (install llvm-15, see .ci/run)");
    }

    [GeneratedRegex(@"^\s*([0-9a-f]+):\s+((?:[0-9a-f]{2} ?)+|[0-9a-f]{8})\s*\t([^\t]+)\t?(.*)$")]
    private static partial Regex InstructionLine();
}
