using Cake.Cli;
using Cake.Frosting;
using Cake.Frosting.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Tfwheel.Cli;

/// <summary>
/// Plugs tfwheel's command-line behaviour into the Frosting host (<c>new CakeHost().UseStartup&lt;TfwheelStartup&gt;()</c>):
/// exit codes, help and argument rules (<see cref="TfwheelBehaviour"/>), the describing dry run
/// (<see cref="TfwheelDryRun"/>) and Ctrl-C handling (<see cref="BuildCancellation"/>, which the context takes).
/// </summary>
public sealed class TfwheelStartup : IFrostingStartup
{
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<IHostBehaviour, TfwheelBehaviour>();
        services.AddSingleton<DryRunScriptHost<IFrostingContext>, TfwheelDryRun>();
        services.AddSingleton(_ =>
        {
            var cancellation = new BuildCancellation();
            cancellation.Listen();
            return cancellation;
        });
    }
}
