using Tfwheel.Errors;

namespace Tfwheel.Compile;

/// <summary>
/// What bazel's exit codes mean and which tfwheel exit code each becomes. The list mirrors
/// https://bazel.build/run/scripts ("What exit code will I get?").
/// </summary>
public static class BazelExitCode
{
    public const int BuildFailed = 1;
    public const int CommandLineProblem = 2;
    public const int Interrupted = 8;

    public static string Describe(int code) => code switch
    {
        0 => "the build succeeded",
        BuildFailed => "the build failed (a compile or link action failed; see the first failing action below and bazel.log)",
        CommandLineProblem => "bazel rejected the command line (a bad flag, --config or option combination); check bazel.options, bazel.configs and .bazelrc.user",
        3 => "the build succeeded but some tests failed",
        4 => "the build succeeded but no tests were found",
        Interrupted => "the build was interrupted and bazel shut down in order; run again to continue where it stopped",
        9 => "another bazel command holds the output base lock; wait for it or give this recipe its own --output_user_root",
        32 => "an environment failure outside this machine (remote cache or executor); check bazel.remote and the network",
        33 => "bazel ran out of memory and crashed; lower bazel.jobs or give bazel more heap (startup option --host_jvm_args=-Xmx...)",
        34 => "the remote cache or executor failed (REMOTE_ERROR): check bazel.remote, the server and the network; the first ERROR: line says which",
        36 => "a local environment problem, probably permanent (disk full, permissions, a missing tool); read the last lines of bazel.log",
        37 => "bazel crashed with an internal error; read bazel.log and try 'bazel clean' or another bazel version",
        38 or 45 => "publishing results to the Build Event Service failed",
        39 => "blobs bazel needs were evicted from the remote cache; run again, or use --remote_download_outputs=all",
        _ => "bazel failed with an exit code it does not document",
    };

    /// <summary>Interrupted builds exit 130 like a shell; local/remote environment trouble is the host's; the rest is a build failure.</summary>
    public static int ToTfwheelExitCode(int code) => code switch
    {
        0 => ExitCodes.Success,
        Interrupted => ExitCodes.Interrupted,
        CommandLineProblem => ExitCodes.Usage,
        9 or 32 or 33 or 34 or 36 => ExitCodes.Host,
        _ => ExitCodes.Build,
    };
}
