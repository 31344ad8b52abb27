using Cake.Frosting;
using Tfwheel.Files;
using Tfwheel.Report;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Report")]
[TaskDescription("Writes artifacts/<recipe>/report.html: build timeline, slowest actions, critical path, Verify, Smoke and the manifest, in one self-contained page")]
public sealed class Report : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var artifacts = context.Paths.Artifacts;
        var data = ReportData.Load(context.Recipe.Name, artifacts);
        var path = Path.Combine(artifacts, ReportPage.FileName);
        Directory.CreateDirectory(artifacts);
        AtomicFile.Write(path, stream =>
        {
            using var html = new StreamWriter(stream, leaveOpen: true);
            ReportPage.Write(data, html);
        });
        foreach (var (file, problem) in data.Problems)
        {
            context.Log.WarningText($"{file}: {problem}");
        }

        context.Log.InfoText($"Report: {path}");
    }
}
