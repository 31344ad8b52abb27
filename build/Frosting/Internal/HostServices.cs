using Cake.Cli;
using Cake.Common.Modules;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cake.Frosting.Internal;

/// <summary>
/// The services a new host starts with, as Cake.Frosting 6's CakeHost registers them (the Cake engine and
/// modules, the log and console, the script hosts for each mode, the default context); a build's own
/// registrations come after and win.
/// </summary>
internal static class HostServices
{
    public static IServiceCollection AddDefaults(IServiceCollection services)
    {
        services.AddSingleton<IConsole>(_ => new HostConsole(ConsoleColours.ForThisProcess()));
        services.AddSingleton(_ => CreateAnsiConsole(ConsoleColours.ForThisProcess()));
        services.AddSingleton<ICakeLog>(p => new CakeBuildLog(p.GetRequiredService<IConsole>()));
        services.AddSingleton<ICakeDataService, CakeDataService>();
        services.AddSingleton<Cake.Core.Tooling.IToolInstaller, Cake.Core.Tooling.ToolInstaller>();
        services.AddSingleton(CreateConfiguration);
        services.AddSingleton<ICakeReportPrinter, ReportPrinter>();
        services.AddSingleton<IExecutionStrategy, DefaultExecutionStrategy>();
        services.AddSingleton<BuildScriptHost<IFrostingContext>>();
        services.AddSingleton<DryRunScriptHost<IFrostingContext>>();
        services.AddSingleton<TreeScriptHost>();
        services.AddSingleton<DescriptionScriptHost>();
        services.AddSingleton<IVersionResolver, VersionResolver>();
        services.AddSingleton<VersionFeature>();
        services.AddSingleton<InfoFeature>();
        services.AddSingleton<IToolInstaller, ToolInstaller>();
        services.UseModule<CoreModule>();
        services.UseModule<CommonModule>();
        services.AddSingleton<FrostingContext>();
        services.AddSingleton<IFrostingContext>(p => p.GetRequiredService<FrostingContext>());
        return services;
    }

    /// <summary>Spectre's console (the report table, --description) with the same colour decision as the log.</summary>
    private static IAnsiConsole CreateAnsiConsole(bool colour) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Out = new AnsiConsoleOutput(Console.Out),
    });

    /// <summary>cake.config and CAKE_* variables from the working directory, then the task arguments, then UseCakeSetting values.</summary>
    private static ICakeConfiguration CreateConfiguration(IServiceProvider services)
    {
        var environment = services.GetRequiredService<ICakeEnvironment>();
        var values = services.GetRequiredService<ICakeArguments>().GetArguments()
            .Where(a => a.Value.Count > 0 && a.Value.Last() is not null)
            .ToDictionary(a => a.Key, a => a.Value.Last(), StringComparer.OrdinalIgnoreCase);
        foreach (var setting in services.GetServices<FrostingConfigurationValue>())
        {
            values[setting.Key] = setting.Value;
        }

        return new CakeConfigurationProvider(services.GetRequiredService<IFileSystem>(), environment)
            .CreateConfiguration(environment.WorkingDirectory, values);
    }
}
