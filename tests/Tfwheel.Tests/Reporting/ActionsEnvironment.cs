using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Reporting;

/// <summary>What the runner gives a step: GITHUB_ACTIONS=true, a workspace, and empty summary and output files.</summary>
internal sealed class ActionsEnvironment : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-gha-");

    public ActionsEnvironment(string workspace)
    {
        Workspace = workspace;
        File.WriteAllText(Summary, "");
        File.WriteAllText(Outputs, "");
    }

    public string Workspace { get; }

    public string Summary => _dir.Combine("step-summary.md");

    public string Outputs => _dir.Combine("output.txt");

    public Dictionary<string, string?> Variables => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKSPACE"] = Workspace,
        ["GITHUB_STEP_SUMMARY"] = Summary,
        ["GITHUB_OUTPUT"] = Outputs,
    };

    /// <summary>The step outputs written, as the runner reads them (name=value lines).</summary>
    public IReadOnlyDictionary<string, string> ReadOutputs() =>
        // A later line for the same name wins, as the runner reads GITHUB_OUTPUT (Repair renames Compile's wheel).
        File.ReadAllLines(Outputs).Where(l => l.Contains('='))
            .GroupBy(l => l[..l.IndexOf('=')])
            .ToDictionary(g => g.Key, g => g.Last()[(g.Last().IndexOf('=') + 1)..]);

    /// <summary>Lines of a stream that are workflow commands: the runner only sees those that start a line.</summary>
    public static IReadOnlyList<string> Commands(string stream) =>
        stream.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();

    public void Dispose() => _dir.Dispose();
}
