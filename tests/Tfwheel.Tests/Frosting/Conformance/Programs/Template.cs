// A build in the shape of Cake's own Frosting project template: a context built from the arguments,
// a sync and an async task on it, and `public sealed class DefaultTask : FrostingTask` on the plain context.
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;

namespace Conformance.Template;

public static class Program
{
    public static int Main(string[] args)
    {
        return new CakeHost()
            .UseContext<BuildContext>()
            .Run(args);
    }
}

public class BuildContext : FrostingContext
{
    public BuildContext(ICakeContext context)
        : base(context)
    {
        Greeting = context.Arguments.HasArgument("greeting") ? context.Arguments.GetArgument("greeting") : "Hello";
        context.Log.Information("trace: context built");
    }

    public string Greeting { get; set; }
}

[TaskName("Hello")]
public sealed class HelloTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        context.Log.Information("trace: {0}", context.Greeting);
    }
}

[TaskName("World")]
[IsDependentOn(typeof(HelloTask))]
public sealed class WorldTask : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        await Task.Delay(10);
        context.Log.Information("trace: World");
    }
}

[TaskName("Default")]
[IsDependentOn(typeof(WorldTask))]
public sealed class DefaultTask : FrostingTask
{
}
