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
    public static void Compile(this ActionsReporter actions, string recipe, CompileResult result)
    {
        actions.Summary(StepSummaries.Compile(recipe, result));
        actions.Output("wheel", result.WheelPath);
        actions.Output("sha256", result.WheelSha256);
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
