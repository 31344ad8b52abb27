// A build configured by a startup class: the context, separate setup/teardown and task setup/teardown
// classes (generic and plain), a service injected into a task, a working directory and a Cake setting
// given in code, and the static-call form of the host extensions.
using Cake.Common;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.Startup;

public static class Program
{
    public static int Main(string[] args)
    {
        var host = new CakeHost();
        CakeHostExtensions.UseStartup<Startup>(host);
        return host
            .UseWorkingDirectory(new DirectoryPath("work"))
            .UseCakeSetting("Conformance_Colour", "blue")
            .Run(args);
    }
}

public sealed class Startup : IFrostingStartup
{
    public void Configure(IServiceCollection services)
    {
        services.UseContext<BuildContext>();
        services.UseSetup<RunSetup>();
        services.UseTeardown<RunTeardown>();
        services.UseTaskSetup<BeforeTask>();
        services.UseTaskTeardown<AfterTask>();
        services.AddSingleton<IGreeter, Greeter>();
    }
}

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Greeter : IGreeter
{
    public string Greet(string name) => "hello " + name;
}

public sealed class BuildContext(ICakeContext context) : FrostingContext(context)
{
    public string Colour => Configuration.GetValue("Conformance_Colour") ?? "none";
}

public sealed class RunSetup : FrostingSetup<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info) => context.Information("trace: setup {0}", info.TargetTask.Name);
}

public sealed class RunTeardown : FrostingTeardown
{
    public override void Teardown(ICakeContext context, ITeardownContext info) => context.Information("trace: teardown {0}", info.Successful);
}

public sealed class BeforeTask : FrostingTaskSetup
{
    public override void Setup(ICakeContext context, ITaskSetupContext info) => context.Information("trace: before {0}", info.Task.Name);
}

public sealed class AfterTask : FrostingTaskTeardown<BuildContext>
{
    public override void Teardown(BuildContext context, ITaskTeardownContext info) => context.Information("trace: after {0}", info.Task.Name);
}

[TaskName("Greet")]
public sealed class GreetTask(IGreeter greeter) : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        context.Information("trace: {0}", greeter.Greet(context.Argument("name", "world")));
        context.Information("trace: working {0}", context.Environment.WorkingDirectory.GetDirectoryName());
        context.Information("trace: colour {0}", context.Colour);
    }
}

[TaskName("Default")]
[IsDependentOn(typeof(GreetTask))]
public sealed class DefaultTask : FrostingTask
{
}
