using Cake.Frosting;
using Tfwheel.Doctor;
using Tfwheel.Errors;
using Tfwheel.Report;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Doctor")]
[TaskDescription("Checks this host (OS, CPU, Rosetta, Xcode, bazel, Python arch, disk, RAM); --python=PATH also checks its installed TensorFlow")]
public sealed class Doctor : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var need = DoctorRequirements.From(context.Recipe, context.Root, context.Interpreter);
        var host = new SystemHostProbe(context.Processes);
        var report = await HostDoctor.ExamineAsync(host, need, context.Cancellation);
        report = new DoctorReport([.. report.Checks, .. await RemoteChecks.ExamineAsync(context.Recipe.Bazel.Remote, context.Cancellation)]);
        // The seed of this project: is the TensorFlow this Python imports built for this CPU?
        var installed = context.Interpreter is { } python
            ? await InstalledTensorflowDoctor.InspectAsync(python, host, context.Processes, context.Log, context.Cancellation)
            : null;
        if (context.Options.Format == ReportFormat.Json)
        {
            // One document on stdout, whatever was examined, so it can be parsed.
            context.Report(installed is null ? DoctorReportWriter.ToJson(report) : DoctorReportWriter.ToJson(report, installed.ToJson()));
        }
        else
        {
            context.Report(DoctorReportWriter.ToText(report));
            if (installed is not null)
            {
                using var text = new StringWriter();
                installed.WriteText(text);
                context.Report(text.ToString());
            }
        }

        context.Actions.Doctor(report);
        var installedOk = installed?.Ok ?? true;
        if (!report.Ready || !installedOk)
        {
            throw new HostException("Doctor found problems that block a build on this host (the FAIL lines above).");
        }
    }
}
