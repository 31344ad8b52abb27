namespace Tfwheel.Reporting;

/// <summary>What the CI system around us offers: GitHub Actions log groups, annotations and the step summary.</summary>
public sealed record CiEnvironment(bool GitHubActions, string? StepSummaryPath)
{
    public static CiEnvironment From(IDictionary<string, string> environment) =>
        new(
            environment.TryGetValue("GITHUB_ACTIONS", out var gha) && gha == "true",
            environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0 ? summary : null);
}
