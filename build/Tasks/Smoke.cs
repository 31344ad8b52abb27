using Cake.Frosting;
using Spectre.Console;
using Tfwheel.Pipeline;
using Tfwheel.Report;
using Tfwheel.Reporting;
using Tfwheel.Smoke;

namespace Tfwheel.Tasks;

[TaskName("Smoke")]
[TaskDescription("Installs the wheel in a fresh venv and runs the workloads that crashed (tf.add, matmul, trig, conv2d, MLIR passes, XLA)")]
[IsDependentOn(typeof(Repair))]
public sealed class Smoke : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var artifacts = context.Paths.Artifacts;
        var wheel = WheelLocator.Find(context.Options.Wheel, context.Root, context.Paths.Artifacts);
        var request = SmokeRequest.For(context.Recipe, wheel, artifacts) with
        {
            // A wheel named on the command line is judged by its own tag, not the recipe's target.
            TargetArch = context.Options.Wheel is null ? context.Recipe.Target.ArchTag : null,
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
        var json = context.Paths.SmokeReport;
        SmokeJson.Write(report, json);
        SmokeJUnit.Write(report, context.Paths.SmokeJUnit);
        if (context.Options.Format == ReportFormat.Json)
        {
            context.Report(SmokeJson.Render(report)); // stdout is the document alone, as for Plan, Doctor and Verify
        }
        else
        {
            SmokeTable.Render(report, AnsiConsole.Console);
        }
        context.Actions.Smoke(report);
        report.EnsurePassed(json);
    }
}
