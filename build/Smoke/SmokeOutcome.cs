namespace Tfwheel.Smoke;

/// <summary>How one workload ended, in the words the report uses.</summary>
public enum SmokeOutcome
{
    /// <summary>Exited 0 and its result line (if any) said ok.</summary>
    Passed,

    /// <summary>Ran to the end and its own check failed: the note carries its message with the numbers.</summary>
    WrongResult,

    /// <summary>Killed by a signal (SIGILL, SIGSEGV, SIGBUS, SIGABRT, ...): native code died.</summary>
    Crashed,

    /// <summary>Did not finish within the timeout; its whole process tree was killed.</summary>
    TimedOut,

    /// <summary>Could not import (a missing dependency, or a native library for another architecture).</summary>
    ImportFailed,

    /// <summary>Raised a Python exception other than an import failure, or exited non-zero without a result line.</summary>
    Errored,

    /// <summary>Not run because the wheel cannot run on this host; never counted as passed.</summary>
    Skipped,
}
