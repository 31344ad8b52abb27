using Cake.Core.Composition;
using Cake.Core.IO;
using Cake.Core.Packaging;
using Cake.Frosting.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Frosting;

/// <summary>
/// Registrations a startup class (<see cref="IFrostingStartup"/>) makes, as in Cake.Frosting 6
/// (cake-build/cake src/Cake.Frosting/Extensions/ServiceCollectionExtensions.cs). Where one thing is used,
/// the last registration wins.
/// </summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection UseContext<TContext>(this IServiceCollection services)
        where TContext : class, IFrostingContext =>
        services.AddSingleton<IFrostingContext, TContext>();

    /// <summary>Registers the lifetime as the run's setup and its teardown.</summary>
    public static IServiceCollection UseLifetime<TLifetime>(this IServiceCollection services)
        where TLifetime : class, IFrostingLifetime =>
        services.AddSingleton<IFrostingLifetime, TLifetime>()
            .AddSingleton<IFrostingSetup>(p => p.GetRequiredService<IFrostingLifetime>())
            .AddSingleton<IFrostingTeardown>(p => p.GetRequiredService<IFrostingLifetime>());

    public static IServiceCollection UseSetup<TSetup>(this IServiceCollection services)
        where TSetup : class, IFrostingSetup =>
        services.AddSingleton<IFrostingSetup, TSetup>();

    public static IServiceCollection UseTeardown<TTeardown>(this IServiceCollection services)
        where TTeardown : class, IFrostingTeardown =>
        services.AddSingleton<IFrostingTeardown, TTeardown>();

    /// <summary>Registers the task lifetime as every task's setup and teardown.</summary>
    public static IServiceCollection UseTaskLifetime<TLifetime>(this IServiceCollection services)
        where TLifetime : class, IFrostingTaskLifetime =>
        services.AddSingleton<IFrostingTaskLifetime, TLifetime>()
            .AddSingleton<IFrostingTaskSetup>(p => p.GetRequiredService<IFrostingTaskLifetime>())
            .AddSingleton<IFrostingTaskTeardown>(p => p.GetRequiredService<IFrostingTaskLifetime>());

    public static IServiceCollection UseTaskSetup<TSetup>(this IServiceCollection services)
        where TSetup : class, IFrostingTaskSetup =>
        services.AddSingleton<IFrostingTaskSetup, TSetup>();

    public static IServiceCollection UseTaskTeardown<TTeardown>(this IServiceCollection services)
        where TTeardown : class, IFrostingTaskTeardown =>
        services.AddSingleton<IFrostingTaskTeardown, TTeardown>();

    /// <summary>Adds a Cake module's registrations (Cake.Cli turns the module's container calls into services).</summary>
    public static IServiceCollection UseModule<TModule>(this IServiceCollection services)
        where TModule : ICakeModule, new() =>
        Cake.Cli.ServiceCollectionExtensions.UseModule<TModule>(services);

    public static IServiceCollection UsePackageInstaller<TPackageInstaller>(this IServiceCollection services)
        where TPackageInstaller : class, IPackageInstaller =>
        services.AddSingleton<IPackageInstaller, TPackageInstaller>();

    /// <summary>A tool to install before the first task, e.g. <c>new Uri("nuget:?package=GitVersion.Tool")</c>.</summary>
    public static IServiceCollection UseTool(this IServiceCollection services, Uri uri) =>
        services.AddSingleton(new PackageReference(uri.OriginalString));

    /// <summary>The working directory when <c>--working</c> is not given, relative to the process's.</summary>
    public static IServiceCollection UseWorkingDirectory(this IServiceCollection services, DirectoryPath path) =>
        services.AddSingleton(new WorkingDirectory(path));

    /// <summary>A Cake setting (as in cake.config or CAKE_* variables) set in code; it wins over both.</summary>
    public static IServiceCollection UseCakeSetting(this IServiceCollection services, string key, string value) =>
        services.AddSingleton(new FrostingConfigurationValue(key, value));

    public static IServiceCollection UseToolPath(this IServiceCollection services, DirectoryPath toolPath) =>
        services.UseCakeSetting("paths_tools", toolPath.FullPath);
}
