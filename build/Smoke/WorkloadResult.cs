namespace Tfwheel.Smoke;

/// <summary>What one workload process did and how Smoke classified it.</summary>
/// <param name="Name">The workload name: a built-in (add, matmul, ...) or the file name of a recipe's own .py.</param>
/// <param name="Note">One line for people: the workload's message, the signal explained, the import problem, the skip reason.</param>
public sealed record WorkloadResult(string Name, SmokeOutcome Outcome, TimeSpan Duration, string Note)
{
    /// <summary>The command that ran (empty when skipped).</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];

    public int? ExitCode { get; init; }

    /// <summary>The signal's name when <see cref="SmokeOutcome.Crashed"/>: "SIGILL", "SIGSEGV", ...</summary>
    public string? Signal { get; init; }

    /// <summary>The JSON result line the workload printed, verbatim, if it printed one.</summary>
    public string? ResultLine { get; init; }

    /// <summary>The last lines of standard error (with faulthandler's Python traceback after a crash).</summary>
    public IReadOnlyList<string> StandardErrorTail { get; init; } = [];

    /// <summary>LLVM/MLIR error lines picked out of standard error (LLVM ERROR, failed assertions, op errors).</summary>
    public IReadOnlyList<string> MlirLines { get; init; } = [];

    /// <summary>MLIR crash reproducers and graph dumps that appeared while this workload ran.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];

    public bool Failed => Outcome is not (SmokeOutcome.Passed or SmokeOutcome.Skipped);
}
