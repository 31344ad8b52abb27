namespace Tfwheel.Errors;

/// <summary>
/// The process exit codes tfwheel documents (README, "Exit codes"). One per kind of failure, so CI
/// scripts can tell a broken recipe from a broken build without parsing text.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A task failed with an error that is not one of ours (a bug, or an unexpected exception).</summary>
    public const int TaskFailed = 1;

    /// <summary>The command line was wrong: unknown target, bad --set, bad option value.</summary>
    public const int Usage = 2;

    /// <summary>A recipe failed to load or validate.</summary>
    public const int Recipe = 3;

    /// <summary>This host cannot do the job: wrong OS, missing tool, bazel version mismatch.</summary>
    public const int Host = 4;

    /// <summary>An external program (git, configure.py, python) failed.</summary>
    public const int Process = 5;

    /// <summary>The source tree is not in the state the recipe requires (pin mismatch, local changes, patch conflict).</summary>
    public const int Source = 6;

    /// <summary>Bazel failed to build.</summary>
    public const int Build = 7;

    /// <summary>Verify found an error in the wheel.</summary>
    public const int Verify = 8;

    /// <summary>A smoke workload failed, crashed or timed out.</summary>
    public const int Smoke = 9;

    /// <summary>Publishing to GitHub failed or was refused.</summary>
    public const int Publish = 10;

    /// <summary>Repair refused to retag a Linux wheel manylinux: a binary needs more than the recipe's glibc floor allows.</summary>
    public const int Repair = 11;

    /// <summary>A disk filled up (or a quota ran out) while writing: the message names the file and the free space.</summary>
    public const int DiskFull = 12;

    /// <summary>Interrupted by Ctrl-C / SIGINT / SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
