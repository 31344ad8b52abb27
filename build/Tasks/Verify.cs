using Cake.Frosting;
using Tfwheel.Errors;
using Tfwheel.Pipeline;
using Tfwheel.Report;
using Tfwheel.Reporting;
using Tfwheel.Verify;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tasks;

[TaskName("Verify")]
[TaskDescription("Reads every native binary in each wheel of the run (Mach-O thin/fat, ELF): architectures, minimum OS, linkage, instruction sets, RECORD hashes; --wheel=PATH for any wheel")]
[IsDependentOn(typeof(Compile))]
public sealed class Verify : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var options = context.Options;
        if (options.Wheel is not null && options.Recipe is null)
        {
            // Standalone, the wheel's own tag says what to require; nothing is written to artifacts.
            var wheel = WheelLocator.Named(options.Wheel, context.Root);
            var report = await VerifyOneAsync(context, wheel, VerifyRequirements.FromWheelFileName(wheel));
            context.Report(Render(context, [report]));
            report.EnsureOk();
            return;
        }

        // In the pipeline, the recipe for each wheel's Python says what to require. Every wheel is judged before
        // the stage fails, so one failing Python does not hide the others.
        var reports = new List<VerifyReport>();
        var pythons = new List<string>();
        foreach (var one in WheelLocator.ForRun(context.Recipe, options.Wheel, context.Root, context.Paths.Artifacts))
        {
            var report = await VerifyOneAsync(context, one.Path, VerifyRequirements.FromRecipe(one.Recipe));
            VerifyReportWriter.WriteJsonFile(report, context.Paths.VerifyReportFor(one.PythonTag));
            reports.Add(report);
            pythons.Add(one.Recipe.Python);
        }

        context.Report(Render(context, reports));
        if (reports.Count == 1)
        {
            reports[0].EnsureOk();
            return;
        }

        var verdicts = reports.Select((r, i) => new WheelVerdict(
            pythons[i], r.Wheel.File, r.Wheel.Sha256, r.Ok, r.Ok ? $"{r.Binaries.Count} native binaries" : $"{r.ErrorCount} error(s), first [{r.Findings.First(f => f.Severity == Tfwheel.Verify.Findings.Severity.Error).Code}]")).ToList();
        if (options.Format != ReportFormat.Json)
        {
            context.Report(WheelVerdicts.Table("Verify", verdicts));
        }

        WheelVerdicts.EnsureAllPassed("Verify", verdicts, ExitCodes.Verify, "Each wheel's report above (and verify-cpXY.json) says what to fix; fix the build and verify again.");
    }

    private static async Task<VerifyReport> VerifyOneAsync(BuildContext context, string wheel, VerifyRequirements requirements)
    {
        var options = context.Options;
        var report = await WheelVerifier.VerifyAsync(wheel, requirements.WithOverrides(
            archs: options.RequireArchs,
            allowUniversal: options.AllowUniversal,
            requireFrameworks: options.RequireFrameworks,
            maxSizeMb: options.MaxSizeMb,
            cpus: options.Cpus?.Select(c => CpuTargets.Parse(c).Name).ToList()), context.Cancellation);
        context.Actions.Verify(report);
        return report;
    }

    /// <summary>Text: each report in turn. JSON: the report itself for one wheel, {"ok", "wheels": [reports]} for several.</summary>
    private static string Render(BuildContext context, IReadOnlyList<VerifyReport> reports)
    {
        using var text = new StringWriter();
        if (context.Options.Format == ReportFormat.Json)
        {
            text.Write(WheelVerdicts.Json([.. reports.Select(VerifyReportWriter.ToJson)], reports.All(r => r.Ok)));
            return text.ToString();
        }

        foreach (var report in reports)
        {
            VerifyReportWriter.WriteText(report, text);
            text.WriteLine();
        }

        return text.ToString().TrimEnd();
    }
}
