using Cake.Frosting;
using Tfwheel.Pipeline;
using Tfwheel.Report;
using Tfwheel.Reporting;
using Tfwheel.Verify;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Tasks;

[TaskName("Verify")]
[TaskDescription("Reads every native binary in the wheel (Mach-O thin/fat, ELF): architectures, minimum OS, linkage, RECORD hashes; --wheel=PATH for any wheel")]
[IsDependentOn(typeof(Compile))]
public sealed class Verify : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var options = context.Options;
        var standalone = options.Wheel is not null && options.Recipe is null;
        var wheel = standalone ? WheelLocator.Named(options.Wheel!, context.Root) : WheelLocator.Find(context.Options.Wheel, context.Root, context.Paths.Artifacts);

        // Standalone, the wheel's own tag says what to require; in the pipeline, the recipe does.
        var requirements = (standalone ? VerifyRequirements.FromWheelFileName(wheel) : VerifyRequirements.FromRecipe(context.Recipe))
            .WithOverrides(
                archs: options.RequireArchs,
                allowUniversal: options.AllowUniversal,
                requireFrameworks: options.RequireFrameworks,
                maxSizeMb: options.MaxSizeMb,
                cpus: options.Cpus?.Select(c => CpuTargets.Parse(c).Name).ToList());
        var report = await WheelVerifier.VerifyAsync(wheel, requirements, context.Cancellation);

        using var text = new StringWriter();
        if (options.Format == ReportFormat.Json)
        {
            text.Write(VerifyReportWriter.ToJson(report));
        }
        else
        {
            VerifyReportWriter.WriteText(report, text);
        }

        context.Report(text.ToString());
        if (!standalone)
        {
            VerifyReportWriter.WriteJsonFile(report, context.Paths.VerifyReport);
        }

        context.Actions.Verify(report);
        report.EnsureOk();
    }

}
