using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Scripting;
using Microsoft.Extensions.DependencyInjection;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Cake.Frosting;

/// <summary>One run of the host: working directory, task registration, the script host for the mode, the exit code.</summary>
internal sealed class HostRun(IServiceProvider services, HostArguments arguments)
{
    public int Execute()
    {
        var log = services.GetRequiredService<ICakeLog>();
        if (arguments.Version)
        {
            log.InfoText(typeof(CakeHost).Assembly.GetName().Version?.ToString() ?? "0.0.0");
            return ExitCodes.Success;
        }

        SetWorkingDirectory();
        var engine = services.GetRequiredService<ICakeEngine>();
        var context = services.GetRequiredService<IFrostingContext>();
        var tasks = services.GetServices<IFrostingTask>().ToList();
        TaskRegistrar.Register(engine, context, tasks, log);
        TaskRegistrar.Register(engine, context, services.GetService<IFrostingLifetime>(), services.GetService<IFrostingTaskLifetime>());
        if (arguments.Help)
        {
            HostHelp.Write(log, engine.Tasks);
            return ExitCodes.Success;
        }

        var unknown = arguments.Targets.FirstOrDefault(t => !engine.Tasks.Any(k => k.Name.Equals(t, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null && !arguments.Tree && !arguments.Description)
        {
            throw new UsageException(
                $"--target={unknown}: no such task. Targets: {string.Join(", ", engine.Tasks.Select(t => t.Name).Order(StringComparer.Ordinal))}.");
        }

        var host = ChooseHost(engine, context, tasks, log);
        if (arguments.Exclusive)
        {
            host.Settings.UseExclusiveTarget();
        }

        var report = host.RunTargetsAsync(arguments.Targets).GetAwaiter().GetResult();

        // ContinueOnError tasks fail without an exception reaching us: a failed entry still fails the run.
        return report?.Any(e => e.ExecutionStatus == CakeTaskExecutionStatus.Failed) == true ? ExitCodes.TaskFailed : ExitCodes.Success;
    }

    private IScriptHost ChooseHost(ICakeEngine engine, IFrostingContext context, List<IFrostingTask> tasks, ICakeLog log)
    {
        if (arguments.Tree)
        {
            return services.GetRequiredService<TreeScriptHost>();
        }

        if (arguments.Description)
        {
            return services.GetRequiredService<DescriptionScriptHost>();
        }

        if (arguments.DryRun)
        {
            var byName = tasks.ToDictionary(t => TaskMetadata.NameOf(t.GetType()), StringComparer.OrdinalIgnoreCase);
            return new BuildScriptHost<IFrostingContext>(
                engine, new DryRunExecutionStrategy(log, byName), context,
                services.GetRequiredService<ICakeReportPrinter>(), services.GetRequiredService<Cake.Core.Configuration.ICakeConfiguration>(), log);
        }

        return services.GetRequiredService<BuildScriptHost<IFrostingContext>>();
    }

    private void SetWorkingDirectory()
    {
        var environment = services.GetRequiredService<ICakeEnvironment>();
        var requested = arguments.WorkingDirectory ?? services.GetService<HostDefaults>()?.WorkingDirectory;
        if (requested is null)
        {
            return;
        }

        var directory = new DirectoryPath(requested).MakeAbsolute(environment);
        if (!Directory.Exists(directory.FullPath))
        {
            throw new UsageException($"--working={requested}: the directory {directory.FullPath} does not exist.");
        }

        environment.WorkingDirectory = directory;
    }
}
