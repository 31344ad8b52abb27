// A build with a run lifetime and a task lifetime, a reverse dependency, a task that runs only when an
// argument asks (with its own skipped message), failing tasks with and without OnError, Finally, [ContinueOnError], a non-generic async
// task, a nested task class, and a task written for a context the host does not use.
using Cake.Common;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Conformance.Lifetimes;

public static class Program
{
    public static int Main(string[] args) =>
        new CakeHost()
            .UseContext<BuildContext>()
            .UseLifetime<Lifetime>()
            .UseTaskLifetime<TaskLifetime>()
            .Run(args);
}

public sealed class BuildContext(ICakeContext context) : FrostingContext(context)
{
    public bool Lint => this.HasArgument("lint");
}

public sealed class OtherContext(ICakeContext context) : FrostingContext(context)
{
}

public sealed class Lifetime : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        context.Information("trace: setup");
        foreach (var (name, values) in context.Arguments.GetArguments().OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase))
        {
            context.Information("trace: arg {0}={1}", name.ToLowerInvariant(), string.Join("|", values.Select(v => v ?? "<none>")));
        }
    }

    public override void Teardown(BuildContext context, ITeardownContext info) => context.Information("trace: teardown {0}", info.Successful);
}

public sealed class TaskLifetime : FrostingTaskLifetime
{
    public override void Setup(ICakeContext context, ITaskSetupContext info) => context.Information("trace: before {0}", info.Task.Name);

    public override void Teardown(ICakeContext context, ITaskTeardownContext info) => context.Information("trace: after {0}", info.Task.Name);
}

[TaskName("Restore")]
public sealed class Restore : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => context.Information("trace: Restore");
}

[TaskName("Lint")]
[IsDependeeOf(typeof(Build))]
public sealed class Lint : FrostingTask<BuildContext>, IFrostingTask
{
    public string SkippedMessage => "lint only with --lint";

    public override bool ShouldRun(BuildContext context) => context.Lint;

    public override void Run(BuildContext context) => context.Information("trace: Lint");
}

[TaskName("Build")]
[IsDependentOn(typeof(Restore))]
public sealed class Build : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        await Task.Delay(10);
        context.Information("trace: Build");
    }
}

[TaskName("Test")]
[IsDependentOn(typeof(Build))]
public sealed class Test : AsyncFrostingTask
{
    public override Task RunAsync(ICakeContext context)
    {
        context.Information("trace: Test");
        return Task.CompletedTask;
    }
}

[TaskName("Flaky")]
public sealed class Flaky : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => throw new InvalidOperationException("flaky failed");

    public override void OnError(Exception exception, BuildContext context) => context.Information("trace: OnError {0}", exception.Message);

    public override void Finally(BuildContext context) => context.Information("trace: Finally Flaky");
}

[TaskName("Broken")]
public sealed class Broken : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => throw new InvalidOperationException("broken for good");

    public override void Finally(BuildContext context) => context.Information("trace: Finally Broken");
}

[TaskName("Tolerant")]
[ContinueOnError]
public sealed class Tolerant : FrostingTask
{
    public override void Run(ICakeContext context) => throw new InvalidOperationException("tolerated");

    public override void Finally(ICakeContext context) => context.Information("trace: Finally Tolerant");
}

[TaskName("AfterTolerant")]
[IsDependentOn(typeof(Tolerant))]
public sealed class AfterTolerant : FrostingTask
{
    public override void Run(ICakeContext context) => context.Information("trace: AfterTolerant");
}

[TaskName("Foreign")]
public sealed class Foreign : FrostingTask<OtherContext>
{
    public override void Run(OtherContext context) => context.Information("trace: Foreign");
}

public static class Nested
{
    [TaskName("Nested")]
    public sealed class NestedTask : FrostingTask
    {
        public override void Run(ICakeContext context) => context.Information("trace: Nested");
    }
}

[TaskName("Default")]
[IsDependentOn(typeof(Test))]
public sealed class DefaultTask : FrostingTask
{
}
