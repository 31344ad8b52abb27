using Cake.Frosting;
using Tfwheel.Reporting;
using Tfwheel.Wheels;

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
        var wheel = standalone ? WheelLocator.Named(options.Wheel!, context.Root) : WheelLocator.Find(context);

        // Standalone, the wheel's own tag says what to require; in the pipeline, the recipe does.
        var requirements = (standalone ? VerifyRequirements.FromWheelFileName(wheel) : VerifyRequirements.FromRecipe(context.Recipe))
            .WithOverrides(
                archs: List(options.Value("require-archs")),
                allowUniversal: options.Value("allow-universal") is null ? null : options.Flag("allow-universal"),
                requireFrameworks: List(options.Value("require-frameworks")),
                maxSizeMb: int.TryParse(options.Value("max-size-mb"), out var mb) ? mb : null);
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

        ActionsReporter.For(context).Verify(report);
        report.EnsureOk();
    }

    private static IReadOnlyList<string>? List(string? csv) =>
        csv is null ? null : csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
