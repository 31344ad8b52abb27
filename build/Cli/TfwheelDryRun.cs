using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
using Tfwheel.Reporting;

namespace Tfwheel.Cli;

/// <summary>
/// tfwheel's --dryrun: Cake's dry-run script host (the same "Performing dry run..." / "This was a dry run"
/// lines and numbered task list as cake-build/cake src/Cake.Cli/Hosts/DryRunScriptHost.cs), but a task that
/// implements <see cref="IDryRunnable"/> describes what it would do, and the run's setup and teardown do not
/// run (tfwheel's setup checks GitHub before a publishing build; a dry run should touch nothing). Replaces
/// the host's <c>DryRunScriptHost&lt;IFrostingContext&gt;</c> registration, which is how it plugs into
/// Cake.Frosting too.
/// </summary>
public sealed class TfwheelDryRun(ICakeEngine engine, IFrostingContext context, ICakeLog log, IEnumerable<IFrostingTask> tasks)
    : DryRunScriptHost<IFrostingContext>(engine, context, log)
{
    private readonly ICakeLog _log = log;
    private readonly IReadOnlyList<IFrostingTask> _tasks = [.. tasks];

    public override Task<CakeReport> RunTargetAsync(string target) => RunTargetsAsync([target]);

    public override async Task<CakeReport> RunTargetsAsync(IEnumerable<string> targets)
    {
        var names = targets.ToList();
        _log.InfoText("Performing dry run...");
        _log.InfoText($"Targets are: {string.Join(", ", names)}");
        _log.InfoText(string.Empty);
        Settings.SetTargets(names);
        var byName = _tasks
            .GroupBy(t => t.GetType().GetCustomAttributes(typeof(TaskNameAttribute), false).OfType<TaskNameAttribute>().FirstOrDefault()?.Name ?? t.GetType().Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var report = await Engine.RunTargetAsync(Context, new DryRunStrategy(_log, byName), Settings);
        _log.InfoText(string.Empty);
        _log.InfoText("This was a dry run.");
        _log.InfoText("No tasks were actually executed.");
        return report;
    }
}
