using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Packaging;
using Cake.Core.Scripting;
using Cake.Frosting.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Frosting.Internal;

/// <summary>
/// One run, in the order of Cake.Frosting 6's default command (cake-build/cake
/// src/Cake.Frosting/Internal/Commands/DefaultCommand.cs): help, version or info without building the
/// context; then the log's verbosity, the working directory, the tasks and lifetimes, the tools, and the
/// script host for the mode (dry run, tree, descriptions or the build).
/// </summary>
internal sealed class HostRun(IServiceProvider services, CommandLine commandLine, IReadOnlyList<TaskSummary> tasks, IHostBehaviour behaviour)
{
    private HostOptions Options => commandLine.Options;

    public int Execute()
    {
        var console = services.GetRequiredService<IConsole>();
        if (Options.Help)
        {
            console.WriteLine(behaviour.Help(tasks) ?? HostHelp.Text(tasks));
            return 0;
        }

        if (Options.Version)
        {
            services.GetRequiredService<VersionFeature>().Run(console);
            return 0;
        }

        if (Options.Info)
        {
            services.GetRequiredService<InfoFeature>().Run(console);
            return 0;
        }

        var log = services.GetRequiredService<ICakeLog>();
        log.Verbosity = Options.Verbosity ?? behaviour.DefaultVerbosity(services.GetRequiredService<ICakeArguments>()) ?? Verbosity.Normal;
        SetWorkingDirectory();

        var engine = services.GetRequiredService<ICakeEngine>();
        var context = services.GetRequiredService<IFrostingContext>();
        TaskRegistrar.RegisterTasks(engine, context, services.GetServices<IFrostingTask>(), log);
        TaskRegistrar.RegisterLifetimes(
            engine, context, services.GetService<IFrostingSetup>(), services.GetService<IFrostingTeardown>(),
            services.GetService<IFrostingTaskSetup>(), services.GetService<IFrostingTaskTeardown>());
        if (!Options.Tree && !Options.Description)
        {
            CheckTargets(engine);
        }

        InstallTools(log);
        var host = ChooseHost();
        if (Options.Exclusive)
        {
            host.Settings.UseExclusiveTarget();
        }

        var report = host.RunTargetsAsync(Options.Targets).GetAwaiter().GetResult();
        return report is null ? 0 : behaviour.Completed(report);
    }

    private IScriptHost ChooseHost() =>
        Options.DryRun ? services.GetRequiredService<DryRunScriptHost<IFrostingContext>>()
        : Options.Tree ? services.GetRequiredService<TreeScriptHost>()
        : Options.Description ? services.GetRequiredService<DescriptionScriptHost>()
        : services.GetRequiredService<BuildScriptHost<IFrostingContext>>();

    private void CheckTargets(ICakeEngine engine)
    {
        var unknown = Options.Targets.FirstOrDefault(t => !engine.Tasks.Any(k => k.Name.Equals(t, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null)
        {
            throw new FrostingException(
                $"--target={unknown}: no such task. Targets: {string.Join(", ", engine.Tasks.Select(t => t.Name).Order(StringComparer.Ordinal))}.");
        }
    }

    private void InstallTools(ICakeLog log)
    {
        var tools = services.GetServices<PackageReference>().ToList();
        if (tools.Count > 0)
        {
            log.Verbose("Installing tools...");
            var installer = services.GetRequiredService<IToolInstaller>();
            tools.ForEach(installer.Install);
        }
    }

    private void SetWorkingDirectory()
    {
        var environment = services.GetRequiredService<ICakeEnvironment>();
        var requested = Options.WorkingDirectory is { } given ? new DirectoryPath(given) : services.GetService<WorkingDirectory>()?.Path;
        var directory = requested?.MakeAbsolute(environment) ?? environment.WorkingDirectory;
        if (!services.GetRequiredService<IFileSystem>().Exist(directory))
        {
            var source = Options.WorkingDirectory is not null ? $"--working={requested?.FullPath}" : $"UseWorkingDirectory(\"{requested?.FullPath}\")";
            throw new FrostingException($"{source}: the working directory {directory.FullPath} does not exist. Create it or give an existing one.");
        }

        environment.WorkingDirectory = directory;
    }
}
