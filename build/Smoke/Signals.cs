namespace Tfwheel.Smoke;

/// <summary>Names and explains the signal that killed a workload. Numbers follow the host's signal.h: Linux and macOS differ (SIGBUS is 7 on Linux, 10 on macOS).</summary>
public static class Signals
{
    public const string IllegalInstruction =
        "illegal instruction: this binary uses instructions this CPU lacks (an x86_64/AVX build under Rosetta, or a build for a newer CPU)";

    private static readonly Dictionary<int, string> Common = new()
    {
        [1] = "SIGHUP",
        [2] = "SIGINT",
        [3] = "SIGQUIT",
        [4] = "SIGILL",
        [5] = "SIGTRAP",
        [6] = "SIGABRT",
        [8] = "SIGFPE",
        [9] = "SIGKILL",
        [11] = "SIGSEGV",
        [13] = "SIGPIPE",
        [14] = "SIGALRM",
        [15] = "SIGTERM",
    };

    /// <summary>"SIGSEGV" for 11; "signal N" for a number this table does not name.</summary>
    public static string Name(int signal, string hostOs) => (signal, hostOs) switch
    {
        (7, "macos") => "SIGEMT",
        (7, _) => "SIGBUS",
        (10, "macos") => "SIGBUS",
        (10, _) => "SIGUSR1",
        (12, "macos") => "SIGSYS",
        (12, _) => "SIGUSR2",
        _ => Common.TryGetValue(signal, out var name) ? name : $"signal {signal}",
    };

    /// <summary>What the signal means for a Python process running TensorFlow, for people.</summary>
    public static string Explain(string name) => name switch
    {
        "SIGILL" => IllegalInstruction,
        "SIGSEGV" => "segmentation fault: native code touched memory it does not own",
        "SIGBUS" => "bus error: native code made a misaligned or unmapped memory access",
        "SIGABRT" => "aborted: native code called abort() (a failed assertion, an LLVM ERROR or a fatal TensorFlow check)",
        "SIGFPE" => "arithmetic exception in native code (an integer division by zero)",
        "SIGKILL" => "killed from outside (often the OS out of memory)",
        "SIGTRAP" => "trap: native code hit a breakpoint or a builtin trap (Swift/Clang runtime checks)",
        _ => "killed by " + name,
    };
}
