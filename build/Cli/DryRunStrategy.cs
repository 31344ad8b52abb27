using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;
using Tfwheel.Reporting;

namespace Tfwheel.Cli;

/// <summary>
/// Lists the tasks in order and runs none, as Cake.Cli's (internal) dry-run strategy does, except that an
/// <see cref="IDryRunnable"/> task describes its actions, and setup and teardown are skipped.
/// </summary>
internal sealed class DryRunStrategy(ICakeLog log, IReadOnlyDictionary<string, IFrostingTask> tasks) : IExecutionStrategy
{
    private int _step;

    public void PerformSetup(Action<ISetupContext> action, ISetupContext context)
    {
    }

    public void PerformTeardown(Action<ITeardownContext> action, ITeardownContext teardownContext)
    {
    }

    public async Task ExecuteAsync(CakeTask task, ICakeContext context)
    {
        log.InfoText($"{++_step}. {task.Name}");
        if (tasks.TryGetValue(task.Name, out var frosting) && frosting is IDryRunnable describer)
        {
            await describer.DryRunAsync(context);
        }
    }

    public void Skip(CakeTask task, CakeTaskCriteria criteria)
    {
    }

    public Task ReportErrorsAsync(Func<Exception, Task> action, Exception exception) => Task.CompletedTask;

    public Task HandleErrorsAsync(Func<Exception, ICakeContext, Task> action, Exception exception, ICakeContext context) => Task.CompletedTask;

    public Task InvokeFinallyAsync(Func<ICakeContext, Task> action, ICakeContext context) => Task.CompletedTask;

    public void PerformTaskSetup(Action<ITaskSetupContext> action, ITaskSetupContext taskSetupContext)
    {
    }

    public void PerformTaskTeardown(Action<ITaskTeardownContext> action, ITaskTeardownContext taskTeardownContext)
    {
    }
}
