using Spectre.Console;

namespace Tfwheel.Smoke;

/// <summary>The console view of a smoke run: a table (workload, result, duration, note), then the last stderr lines of each failure.</summary>
public static class SmokeTable
{
    /// <summary>How many stderr lines to show per failed workload (smoke-cpXY.json keeps more).</summary>
    public const int StderrLinesShown = 12;

    public static void Render(SmokeReport report, IAnsiConsole console)
    {
        var table = new Table().Title(Markup.Escape($"smoke {Path.GetFileName(report.Wheel)}" + (report.WheelSha256 is { } sha ? $" (sha256 {sha})" : "")))
            .AddColumn("workload").AddColumn("result").AddColumn(new TableColumn("duration").RightAligned()).AddColumn("note");
        foreach (var w in report.Workloads)
        {
            table.AddRow(
                new Text(w.Name),
                new Markup($"[{Colour(w.Outcome)}]{Markup.Escape(Result(w))}[/]"),
                new Text($"{w.Duration.TotalSeconds:0.0} s"),
                new Text(w.Note));
        }

        console.Write(table);
        foreach (var w in report.Workloads.Where(w => w.Failed && (w.StandardErrorTail.Count > 0 || w.MlirLines.Count > 0)))
        {
            console.Write(new Rule(Markup.Escape($"{w.Name}: {Result(w)}")).LeftJustified());
            foreach (var line in w.MlirLines)
            {
                console.Write(new Text("mlir | " + line + "\n", new Style(Color.Red)));
            }

            foreach (var line in w.StandardErrorTail.Skip(Math.Max(0, w.StandardErrorTail.Count - StderrLinesShown)))
            {
                console.Write(new Text("   | " + line + "\n"));
            }
        }

        foreach (var artifact in report.Artifacts)
        {
            console.Write(new Text("kept " + artifact + "\n"));
        }

        console.Write(new Text(report.Summary + "\n", new Style(report.Verdict == SmokeVerdict.Passed ? Color.Green : report.Verdict == SmokeVerdict.Failed ? Color.Red : Color.Yellow)));
    }

    private static string Result(WorkloadResult w) =>
        w.Signal is null ? SmokeReport.Describe(w.Outcome) : $"{SmokeReport.Describe(w.Outcome)} ({w.Signal})";

    private static string Colour(SmokeOutcome outcome) => outcome switch
    {
        SmokeOutcome.Passed => "green",
        SmokeOutcome.Skipped => "yellow",
        _ => "red",
    };
}
