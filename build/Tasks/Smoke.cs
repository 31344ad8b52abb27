using Cake.Frosting;
using Spectre.Console;
using Tfwheel.Errors;
using Tfwheel.Pipeline;
using Tfwheel.Report;
using Tfwheel.Reporting;
using Tfwheel.Smoke;

namespace Tfwheel.Tasks;

[TaskName("Smoke")]
[TaskDescription("Installs each wheel of the run in a fresh venv of its Python and runs the workloads that crashed (tf.add, matmul, trig, conv2d, MLIR passes, XLA)")]
[IsDependentOn(typeof(Repair))]
public sealed class Smoke : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var artifacts = context.Paths.Artifacts;
        var wheels = WheelLocator.ForRun(context.Recipe, context.Options.Wheel, context.Root, artifacts);
        if (context.Interpreter is { } interpreter && wheels.Count > 1)
        {
            throw new UsageException(
                $"--python={interpreter} names one interpreter, but the run smoke-tests {wheels.Count} wheels (Python {string.Join(", ", wheels.Select(w => w.Recipe.Python))}). " +
                "Select one version with --python=3.12 (Smoke then uses python3.12), or test one wheel with --wheel=PATH --python=PATH.");
        }

        // Every wheel is tested before the stage fails: one failing Python does not hide the others.
        var reports = new List<(RecipeWheel Wheel, SmokeReport Report, string Json)>();
        foreach (var one in wheels)
        {
            var json = context.Paths.SmokeReportFor(one.PythonTag);
            reports.Add((one, await RunOneAsync(context, one, json), json));
        }

        if (context.Options.Format == ReportFormat.Json)
        {
            // stdout is the document alone, as for Plan, Doctor and Verify: the report for one wheel, a list for several.
            context.Report(WheelVerdicts.Json([.. reports.Select(r => SmokeJson.Render(r.Report))], reports.All(r => r.Report.Verdict != SmokeVerdict.Failed)));
        }

        if (reports.Count == 1)
        {
            reports[0].Report.EnsurePassed(reports[0].Json);
            return;
        }

        var verdicts = reports.Select(r => new WheelVerdict(
            r.Wheel.Recipe.Python, r.Report.Wheel, r.Report.WheelSha256, r.Report.Verdict != SmokeVerdict.Failed, r.Report.Summary)).ToList();
        if (context.Options.Format != ReportFormat.Json)
        {
            context.Report(WheelVerdicts.Table("Smoke", verdicts));
        }

        WheelVerdicts.EnsureAllPassed("Smoke", verdicts, ExitCodes.Smoke,
            "Each wheel's smoke-cpXY.json has every workload's output; run a workload by hand with that venv's python to reproduce it.");
    }

    private static async Task<SmokeReport> RunOneAsync(BuildContext context, RecipeWheel one, string json)
    {
        var artifacts = context.Paths.Artifacts;
        var request = SmokeRequest.For(one.Recipe, one.Path, artifacts) with
        {
            // A wheel named on the command line is judged by its own tag, not the recipe's target.
            TargetArch = context.Options.Wheel is null ? one.Recipe.Target.ArchTag : null,
            // Offline machines with no index to fetch numpy from can lend the venv the system's packages.
            SystemSitePackages = context.Options.SystemSitePackages,
        };
        if (context.Interpreter is { } python)
        {
            request = request with { Python = python };
        }

        if (context.Options.Workloads is { } names)
        {
            request = request with { Workloads = names };
        }

        var report = await new SmokeRunner(context.Processes, context.Log, context.Host).RunAsync(request, context.Cancellation);
        Directory.CreateDirectory(artifacts);
        SmokeJson.Write(report, json);
        SmokeJUnit.Write(report, context.Paths.SmokeJUnitFor(one.PythonTag));
        if (context.Options.Format != ReportFormat.Json)
        {
            SmokeTable.Render(report, AnsiConsole.Console);
        }

        context.Actions.Smoke(report);
        return report;
    }
}
