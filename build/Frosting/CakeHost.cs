using System.Reflection;
using Cake.Cli;
using Cake.Common.Modules;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tfwheel.Errors;

namespace Cake.Frosting;

/// <summary>
/// Our stand-in for Cake.Frosting's CakeHost (the package is not on our feed): the same fluent API
/// (<c>new CakeHost().UseContext&lt;T&gt;().UseLifetime&lt;T&gt;().Run(args)</c>) over the real Cake engine,
/// execution strategy, script hosts and report printer from Cake.Core / Cake.Cli 7.0.0.
/// </summary>
public sealed class CakeHost
{
    private readonly List<Action<IServiceCollection>> _configure = [];
    private readonly List<Assembly> _assemblies = [];
    private Type _context = typeof(FrostingContext);
    private string? _workingDirectory;

    public CakeHost UseContext<T>()
        where T : class, IFrostingContext
    {
        _context = typeof(T);
        return this;
    }

    public CakeHost UseLifetime<T>()
        where T : class, IFrostingLifetime => ConfigureServices(s => s.AddSingleton<IFrostingLifetime, T>());

    public CakeHost UseTaskLifetime<T>()
        where T : class, IFrostingTaskLifetime => ConfigureServices(s => s.AddSingleton<IFrostingTaskLifetime, T>());

    /// <summary>The working directory when --working is not given (relative to the process's).</summary>
    public CakeHost UseWorkingDirectory(string path)
    {
        _workingDirectory = path;
        return this;
    }

    /// <summary>Adds an assembly to search for task classes (the entry assembly is always searched).</summary>
    public CakeHost AddAssembly(Assembly assembly)
    {
        _assemblies.Add(assembly);
        return this;
    }

    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        _configure.Add(configure);
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var console = new CakeConsole(new CakeEnvironment(new CakePlatform(), new CakeRuntime()));
        var bootLog = new CakeBuildLog(console, Verbosity.Normal);
        HostArguments arguments;
        try
        {
            arguments = HostArguments.Parse(args);
        }
        catch (UsageException e)
        {
            return HostErrors.Report(e, bootLog);
        }

        using var cancellation = new BuildCancellation();
        cancellation.Listen();
        using var provider = BuildServices(arguments, cancellation);
        var log = provider.GetRequiredService<ICakeLog>();
        try
        {
            return new HostRun(provider, arguments).Execute();
        }
        catch (Exception e)
        {
            return HostErrors.Report(e, log);
        }
    }

    private ServiceProvider BuildServices(HostArguments arguments, BuildCancellation cancellation)
    {
        var services = new ServiceCollection();
        services.AddSingleton(arguments);
        services.AddSingleton(cancellation);
        services.AddSingleton<IConsole, CakeConsole>();
        services.AddSingleton(AnsiConsole.Console);
        services.AddSingleton<ICakeLog>(p => new CakeBuildLog(p.GetRequiredService<IConsole>(), arguments.Verbosity));
        services.AddSingleton<ICakeArguments>(new CakeArguments(arguments.ToLookup()));
        services.AddSingleton<ICakeDataService, CakeDataService>();
        services.AddSingleton<Cake.Core.Tooling.IToolInstaller, Cake.Core.Tooling.ToolInstaller>();
        services.AddSingleton<ICakeConfiguration>(p => new CakeConfigurationProvider(
                p.GetRequiredService<IFileSystem>(), p.GetRequiredService<ICakeEnvironment>())
            .CreateConfiguration(p.GetRequiredService<ICakeEnvironment>().WorkingDirectory, new Dictionary<string, string>()));
        services.AddSingleton<ICakeReportPrinter, ReportPrinter>();
        services.AddSingleton<IExecutionStrategy, DefaultExecutionStrategy>();
        services.AddSingleton<BuildScriptHost<IFrostingContext>>();
        services.AddSingleton<TreeScriptHost>();
        services.AddSingleton<DescriptionScriptHost>();
        services.UseModule<CoreModule>();
        services.UseModule<CommonModule>();
        services.AddSingleton(_context);
        services.AddSingleton(p => (IFrostingContext)p.GetRequiredService(_context));
        foreach (var task in TaskTypes())
        {
            services.AddSingleton(typeof(IFrostingTask), task);
        }

        services.AddSingleton(new HostDefaults(_workingDirectory));
        _configure.ForEach(c => c(services));
        return services.BuildServiceProvider();
    }

    private IReadOnlyList<Type> TaskTypes() =>
        [.. _assemblies.Append(Assembly.GetEntryAssembly()).OfType<Assembly>().Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false, IsPublic: true })];
}
