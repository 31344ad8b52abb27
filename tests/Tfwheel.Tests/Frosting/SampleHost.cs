using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Tfwheel.Cli;

namespace Tfwheel.Tests.Frosting;

/// <summary>Runs the sample Frosting build in-process through our CakeHost, with tfwheel's command-line behaviour, and returns what happened.</summary>
internal static class SampleHost
{
    public static (int ExitCode, IReadOnlyList<string> Trace) Run(params string[] args)
    {
        var trace = new SampleTrace();
        var code = new CakeHost()
            .UseStartup<TfwheelStartup>()
            .UseContext<SampleContext>()
            .UseLifetime<SampleLifetime>()
            .UseTaskLifetime<SampleTaskLifetime>()
            .AddAssembly(typeof(SampleContext).Assembly)
            .ConfigureServices(s => s.AddSingleton(trace))
            .Run(args.Prepend("--verbosity=quiet"));
        return (code, trace.Events);
    }
}
