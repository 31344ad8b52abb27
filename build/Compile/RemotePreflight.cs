using Cake.Core.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Compile;

/// <summary>
/// Before bazel starts: the remote cache and executor the recipe names must answer. Bazel would fail on an
/// unreachable executor only after starting its server and retrying (exit 34, "Failed to query remote
/// execution capabilities"), and silently build without an unreachable cache; this says which address
/// failed, at once, and never falls back to a local build.
/// </summary>
public static class RemotePreflight
{
    public static async Task EnsureAnsweringAsync(RemoteSettings remote, ICakeLog log, CancellationToken ct)
    {
        foreach (var endpoint in RemoteEndpoint.From(remote))
        {
            var answer = await RemoteProbe.AskAsync(endpoint, RemoteProbe.DefaultTimeout, ct);
            if (!answer.Answers)
            {
                throw new HostException(
                    $"Compile: {endpoint} does not answer: {answer.Detail}. Start the server or fix the address (and the network or VPN to it), " +
                    $"or build without it: --set {endpoint.Setting}=~");
            }

            log.VerboseText($"Compile: {endpoint} {answer.Detail}");
        }
    }
}
