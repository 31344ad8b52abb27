using System.Text.RegularExpressions;

namespace Tfwheel.Smoke;

/// <summary>
/// Picks LLVM/MLIR error lines out of a workload's standard error: "LLVM ERROR: ...", failed
/// assertions, MLIR diagnostics ("error: 'tf.X' op ..."), MLIR pass failures and
/// LLVM's crash banner ("PLEASE submit a bug report", "Stack dump:").
/// </summary>
public static partial class MlirErrorLines
{
    public static IReadOnlyList<string> Pick(IEnumerable<string> stderr) =>
        stderr.Where(l => Pattern().IsMatch(l)).Select(l => l.Trim()).ToList();

    // TensorFlow also logs harmless lines that mention MLIR ("disabling MLIR crash reproducer ..."), so an
    // MLIR line counts only when it speaks of an error or failure.
    [GeneratedRegex(@"LLVM ERROR|Assertion .* failed|Assertion failed|failed assertion|error: '[\w.]+' op|(MLIR|mlir|loc\().*(?i:error|fail)|PLEASE submit a bug report|^Stack dump:")]
    private static partial Regex Pattern();
}
