using System.Collections.Immutable;

namespace Tfwheel.Processes;

/// <summary>
/// Everything needed to start one external program. Arguments are a list, never one string: nothing
/// from a recipe ever reaches a shell (docs/STYLE.md rule 7).
/// </summary>
public sealed record ProcessSpec(string Executable, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set on top of the inherited environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>After this long the whole process tree is killed and the result says <c>TimedOut</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Values that must never be echoed or logged (tokens, remote-cache header values).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Text fed to standard input; when null, standard input is empty, so a prompt can never wait.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Echo "+ program args" before starting (with secrets as ***).</summary>
    public bool Echo { get; init; } = true;

    /// <summary>Without an observer, forward each output line to the log (at verbose level).</summary>
    public bool StreamOutput { get; init; } = true;

    /// <summary>Keep the whole standard output in the result (off for chatty long runs such as bazel).</summary>
    public bool CaptureStandardOutput { get; init; } = true;

    /// <summary>How many of the last lines of each stream the result keeps for error reports.</summary>
    public int TailLines { get; init; } = 200;

    /// <summary>How long a graceful stop (SIGINT) may take before the tree is killed; zero kills the tree at once on cancellation.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(15);

    public string DisplayName => Path.GetFileName(Executable);

    public ProcessSpec WithEnvironment(string name, string? value) =>
        this with { Environment = Environment.ToImmutableDictionary().SetItem(name, value) };
}
