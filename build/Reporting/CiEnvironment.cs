namespace Tfwheel.Reporting;

/// <summary>What the CI system around us offers: GitHub Actions log groups, annotations, the step summary and step outputs.</summary>
public sealed record CiEnvironment(bool GitHubActions, string? StepSummaryPath)
{
    /// <summary>GITHUB_OUTPUT: the file step outputs are appended to.</summary>
    public string? OutputPath { get; init; }

    /// <summary>GITHUB_WORKSPACE: the checkout, which annotation file paths are relative to.</summary>
    public string? Workspace { get; init; }

    public static CiEnvironment From(IDictionary<string, string> environment) =>
        new(
            environment.TryGetValue("GITHUB_ACTIONS", out var gha) && gha == "true",
            environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0 ? summary : null)
        {
            OutputPath = environment.TryGetValue("GITHUB_OUTPUT", out var output) && output.Length > 0 ? output : null,
            Workspace = environment.TryGetValue("GITHUB_WORKSPACE", out var workspace) && workspace.Length > 0 ? workspace : null,
        };
}
