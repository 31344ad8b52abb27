using Cake.Frosting;
using Tfwheel.Errors;
using Tfwheel.Hosting;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Doctor")]
[TaskDescription("Checks this host (OS, CPU, Rosetta, Xcode, bazel, Python arch, disk, RAM); --python=PATH also checks its installed TensorFlow")]
public sealed class Doctor : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var need = DoctorRequirements.From(context.Recipe, context.Root, context.Interpreter);
        var report = await HostDoctor.ExamineAsync(new SystemHostProbe(context.Processes), need, context.Cancellation);
        context.Log.InfoText(context.Options.Format == OutputFormat.Json ? DoctorReportWriter.ToJson(report) : DoctorReportWriter.ToText(report));
        if (!report.Ready)
        {
            throw new HostException("Doctor found problems that block a build on this host (the FAIL lines above).");
        }
    }
}
