using System.Collections.Immutable;

namespace Tfwheel.Recipes;

/// <summary>Bazel Remote Execution API settings (recipe section <c>bazel.remote</c>).</summary>
public sealed record RemoteSettings
{
    /// <summary>--remote_cache: grpc(s):// or http(s):// URL, or empty.</summary>
    public string? Cache { get; init; }

    /// <summary>--remote_executor: grpc(s):// URL, or empty.</summary>
    public string? Executor { get; init; }

    public string? InstanceName { get; init; }

    /// <summary>
    /// Remote headers as header name -> NAME OF the environment variable holding the value. Values are
    /// read at run time and never written to plans, logs or manifests.
    /// </summary>
    public IReadOnlyDictionary<string, string> HeaderEnv { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>--remote_download_outputs: all, toplevel or minimal.</summary>
    public RemoteDownload Download { get; init; } = RemoteDownload.Toplevel;

    public bool Enabled => !string.IsNullOrEmpty(Cache) || !string.IsNullOrEmpty(Executor);
}

/// <summary>Which outputs bazel downloads from a remote cache (recipe key <c>bazel.remote.download</c>).</summary>
public enum RemoteDownload
{
    All,
    Toplevel,
    Minimal,
}
