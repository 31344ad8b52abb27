using Tfwheel.Compile;
using Tfwheel.Doctor;
using Tfwheel.Publish;
using Tfwheel.Recipes;
using Tfwheel.Smoke;
using Tfwheel.Verify;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Report;

/// <summary>What each target tells GitHub Actions: its step summary, its step outputs and its annotations.</summary>
public static class ActionsReports
{
    /// <summary>
    /// Outputs: <c>wheels</c>, a JSON array of {python, wheel, sha256} for every wheel of the run (fromJSON in a
    /// workflow), and <c>wheel</c>/<c>sha256</c> when the run built one wheel.
    /// </summary>
    public static void Compile(this ActionsReporter actions, string recipe, IReadOnlyList<CompileResult> results)
    {
        actions.Summary(StepSummaries.Compile(recipe, results));
        WheelOutputs(actions, results.Select(r => (r.Python, r.WheelPath, r.WheelSha256)).ToList());
    }

    public static void WheelOutputs(this ActionsReporter actions, IReadOnlyList<(string Python, string Wheel, string Sha256)> wheels)
    {
        actions.Output("wheels", System.Text.Json.JsonSerializer.Serialize(wheels.Select(w => new Dictionary<string, string>
        {
            ["python"] = w.Python,
            ["wheel"] = w.Wheel,
            ["sha256"] = w.Sha256,
        })));
        if (wheels.Count == 1)
        {
            actions.Output("wheel", wheels[0].Wheel);
            actions.Output("sha256", wheels[0].Sha256);
        }
    }

    public static void Verify(this ActionsReporter actions, VerifyReport report)
    {
        foreach (var f in report.Findings)
        {
            var level = f.Severity switch
            {
                Severity.Error => AnnotationLevel.Error,
                Severity.Warning => AnnotationLevel.Warning,
                _ => AnnotationLevel.Notice,
            };
            actions.Annotate(level, f.Path.Length > 0 ? $"{f.Path}: {f.Message}" : f.Message, $"Verify {f.Code}: {report.Wheel.File}");
        }

        actions.Summary(StepSummaries.Verify(report));
    }

    public static void Smoke(this ActionsReporter actions, SmokeReport report)
    {
        foreach (var w in report.Workloads.Where(w => w.Failed))
        {
            actions.Annotate(AnnotationLevel.Error, $"{SmokeReport.Describe(w.Outcome)}: {w.Note}", $"Smoke {w.Name}");
        }

        actions.Summary(StepSummaries.Smoke(report));
    }

    public static void Publish(this ActionsReporter actions, PublishResult result)
    {
        actions.Summary(StepSummaries.Publish(result));
        actions.Output("release-url", result.HtmlUrl);
    }

    public static void Doctor(this ActionsReporter actions, DoctorReport report)
    {
        foreach (var check in report.Checks.Where(c => c.Status != DoctorStatus.Ok))
        {
            var level = check.Status == DoctorStatus.Blocking ? AnnotationLevel.Error : AnnotationLevel.Warning;
            actions.Annotate(level, check.Remedy is { } remedy ? $"{check.Found}. {remedy}" : check.Found, $"Doctor {check.Name}");
        }
    }

    /// <summary>The run failed: each recipe problem at its file, line and column, or the one error.</summary>
    public static void Failure(this ActionsReporter actions, Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is RecipeException recipe)
            {
                foreach (var p in recipe.Problems)
                {
                    actions.Annotate(AnnotationLevel.Error, p.Message, p.Line > 0 ? "recipe" : $"recipe ({p.File})", p.Line > 0 ? p.File : null, p.Line, p.Column);
                }

                return;
            }
        }

        actions.Annotate(AnnotationLevel.Error, exception.GetBaseException().Message, "tfwheel");
    }
}
