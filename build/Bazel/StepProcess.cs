using System.Collections.Immutable;
using Tfwheel.Planning;
using Tfwheel.Processes;

namespace Tfwheel.Bazel;

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
}
