using System.Collections.Immutable;
using Tfwheel.Processes;

namespace Tfwheel.Compile;

/// <summary>Turns a planned step into the process it describes, so the runners run exactly what Plan printed.</summary>
public static class StepProcess
{
    public static ProcessSpec ToSpec(PlannedStep step)
    {
        if (step.Argv.Count == 0)
        {
            throw new InvalidOperationException($"step '{step.Description}' runs no program");
        }

        return new ProcessSpec(step.Argv[0], step.Argv.Skip(1).ToList())
        {
            WorkingDirectory = step.Cwd,
            Environment = step.Env.ToImmutableDictionary(kv => kv.Key, kv => (string?)kv.Value),
        };
    }

    /// <summary>Runs the step; a quiet step is echoed but its output is not streamed (a check that may fail, a version query).</summary>
    public static Task<ProcessResult> RunAsync(PlannedStep step, IProcessGateway gateway, CancellationToken ct, bool quiet = false) =>
        gateway.RunAsync(ToSpec(step) with { StreamOutput = !quiet }, cancellation: ct);

    /// <summary>Runs the step and throws <see cref="ProcessFailedException"/> (with <paramref name="remedy"/>) when it fails.</summary>
    public static async Task<ProcessResult> RunOrThrowAsync(PlannedStep step, IProcessGateway gateway, CancellationToken ct, string? remedy = null) =>
        (await RunAsync(step, gateway, ct)).EnsureSuccess(remedy);
}
