using Tfwheel.Recipes;

namespace Tfwheel.Compile;

/// <summary>
/// A remote cache or executor the recipe names (<c>bazel.remote.cache</c>, <c>bazel.remote.executor</c>),
/// with the scheme, host and port bazel will connect to. Bazel reads an address without a scheme as
/// grpcs:// (RemoteOptions --remote_executor/--remote_cache help in bazelbuild/bazel).
/// </summary>
public sealed record RemoteEndpoint(string Setting, string Address, string Scheme, string Host, int Port, string? InstanceName)
{
    /// <summary>The endpoints a recipe configures, cache first.</summary>
    public static IReadOnlyList<RemoteEndpoint> From(RemoteSettings remote)
    {
        var endpoints = new List<RemoteEndpoint>();
        if (!string.IsNullOrEmpty(remote.Cache))
        {
            endpoints.Add(Parse("bazel.remote.cache", remote.Cache, remote.InstanceName));
        }

        if (!string.IsNullOrEmpty(remote.Executor))
        {
            endpoints.Add(Parse("bazel.remote.executor", remote.Executor, remote.InstanceName));
        }

        return endpoints;
    }

    public static RemoteEndpoint Parse(string setting, string address, string? instanceName)
    {
        var withScheme = address.Contains("://", StringComparison.Ordinal) ? address : "grpcs://" + address;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || (uri.Scheme != "unix" && string.IsNullOrEmpty(uri.Host)))
        {
            return new RemoteEndpoint(setting, address, "invalid", "", 0, instanceName);
        }

        var scheme = uri.Scheme.ToLowerInvariant();
        var port = uri.IsDefaultPort || uri.Port <= 0 ? scheme is "grpcs" or "https" ? 443 : 80 : uri.Port;
        return new RemoteEndpoint(setting, address, scheme, uri.Host, port, instanceName);
    }

    /// <summary>"bazel.remote.executor grpc://127.0.0.1:8980": the setting and its value, for messages.</summary>
    public override string ToString() => $"{Setting} {Address}";
}
