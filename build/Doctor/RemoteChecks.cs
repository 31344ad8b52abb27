using Tfwheel.Compile;
using Tfwheel.Recipes;

namespace Tfwheel.Doctor;

/// <summary>Doctor's lines for the remote cache and executor the recipe names: each must answer within a few seconds.</summary>
public static class RemoteChecks
{
    public static async Task<IReadOnlyList<DoctorCheck>> ExamineAsync(RemoteSettings remote, CancellationToken ct)
    {
        var checks = new List<DoctorCheck>();
        foreach (var endpoint in RemoteEndpoint.From(remote))
        {
            var answer = await RemoteProbe.AskAsync(endpoint, RemoteProbe.DefaultTimeout, ct);
            var name = endpoint.Setting == "bazel.remote.executor" ? "remote-executor" : "remote-cache";
            checks.Add(answer.Answers
                ? new DoctorCheck(name, DoctorStatus.Ok, $"{endpoint.Address} {answer.Detail}")
                : new DoctorCheck(name, DoctorStatus.Blocking, $"{endpoint.Address}: {answer.Detail}",
                    $"start the server or fix {endpoint.Setting} (and the network or VPN to it); or build without it: --set {endpoint.Setting}=~"));
        }

        return checks;
    }
}
