using System.Reflection;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting.Hosting;
using Cake.Frosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cake.Frosting;

/// <summary>
/// Our stand-in for Cake.Frosting's CakeHost (cake-build/cake src/Cake.Frosting/CakeHost.cs at v6.0.0; the
/// package is not on our feed, its engine is): <c>new CakeHost().UseContext&lt;T&gt;().Run(args)</c> over the
/// real Cake engine, execution strategy, script hosts and report printer from Cake.Core / Cake.Cli. The
/// fluent set-up is in <see cref="CakeHostExtensions"/>; an app changes the host's fixed behaviour through
/// <see cref="IHostBehaviour"/>.
/// </summary>
public sealed class CakeHost
{
    private readonly IServiceCollection _services = HostServices.AddDefaults(new ServiceCollection());
    private readonly List<Assembly> _assemblies = [.. new[] { Assembly.GetEntryAssembly() }.OfType<Assembly>()];

    public static CakeHost Create() => new();

    /// <summary>Adds an assembly to search for task classes (the entry assembly is always searched).</summary>
    public CakeHost AddAssembly(Assembly assembly)
    {
        _assemblies.Add(assembly);
        return this;
    }

    /// <summary>Changes the host's services now; later registrations win.</summary>
    public CakeHost ConfigureServices(Action<IServiceCollection> services)
    {
        services(_services);
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var tasks = TaskTypes();
        tasks.ForEach(t => _services.AddSingleton(typeof(IFrostingTask), t));
        CommandLine commandLine;
        Exception? usage = null;
        try
        {
            commandLine = CommandLine.Parse([.. args]);
        }
        catch (FrostingException e)
        {
            (commandLine, usage) = (new CommandLine(new HostOptions(), []), e);
        }

        _services.AddSingleton(commandLine.Options);
        _services.AddSingleton<ICakeArguments>(p => TaskArguments.Create(commandLine, Behaviour(p)));
        using var provider = _services.BuildServiceProvider();
        var behaviour = Behaviour(provider);
        var log = provider.GetRequiredService<ICakeLog>();
        AnsiConsole.Console = provider.GetRequiredService<IAnsiConsole>();
        try
        {
            return usage is null
                ? new HostRun(provider, commandLine, [.. tasks.Select(TaskMetadata.Summary)], behaviour).Execute()
                : behaviour.Failed(usage, log);
        }
        catch (Exception e)
        {
            return behaviour.Failed(e, log);
        }
    }

    private static IHostBehaviour Behaviour(IServiceProvider services) => services.GetService<IHostBehaviour>() ?? DefaultBehaviour.Instance;

    /// <summary>Public, non-abstract task classes of the searched assemblies, nested ones too (GetExportedTypes).</summary>
    private List<Type> TaskTypes() =>
        [.. _assemblies.Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })];
}
