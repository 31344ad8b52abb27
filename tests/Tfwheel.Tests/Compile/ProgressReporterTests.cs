using Tfwheel.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Compile;

public class ProgressReporterTests
{
    [Fact]
    public void Without_a_terminal_progress_is_logged_at_most_once_per_interval_and_errors_always()
    {
        var log = new TestLog();
        var clock = new ManualClock();
        var reporter = new ProgressReporter(log, terminal: false, clock);

        reporter.OnLine("[1 / 100] Compiling a.cc");
        reporter.OnLine("[2 / 100] Compiling b.cc");
        clock.Advance(ProgressReporter.Interval);
        reporter.OnLine("[50 / 100] Compiling c.cc");
        reporter.OnLine("ERROR: /src/BUILD:3:1: Compiling c.cc failed");

        Assert.Equal(
            ["bazel: 1 / 100 actions (1%) Compiling a.cc", "bazel: 50 / 100 actions (50%) Compiling c.cc", "ERROR: /src/BUILD:3:1: Compiling c.cc failed"],
            log.Lines.Where(l => l.Level != Cake.Core.Diagnostics.LogLevel.Verbose).Select(l => l.Text));
    }

    [Fact]
    public void A_closing_line_bazel_repeats_is_shown_once()
    {
        var log = new TestLog();
        var reporter = new ProgressReporter(log, terminal: false, new ManualClock());

        reporter.OnLine("INFO: Build completed successfully, 4 total actions");
        reporter.OnLine("INFO: Build completed successfully, 4 total actions");

        Assert.Single(log.Lines, l => l.Text.StartsWith("INFO: Build completed", StringComparison.Ordinal));
    }
}
