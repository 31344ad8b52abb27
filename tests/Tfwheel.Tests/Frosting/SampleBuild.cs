// A build written exactly as Cake.Frosting users write one (same namespaces, types, attributes and
// overrides), to prove our host runs Frosting task classes unchanged.
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Tfwheel.Tests.Frosting;

public sealed class SampleTrace
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Add(string e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }
}

public sealed class SampleContext : FrostingContext
{
    public SampleContext(ICakeContext context, SampleTrace trace)
        : base(context)
    {
        Trace = trace;
        Flavour = context.Arguments.HasArgument("flavour") ? context.Arguments.GetArgument("flavour") : "plain";
    }

    public SampleTrace Trace { get; }

    public string Flavour { get; }
}

public sealed class SampleLifetime : FrostingLifetime<SampleContext>
{
    public override void Setup(SampleContext context, ISetupContext info) => context.Trace.Add("setup");

    public override void Teardown(SampleContext context, ITeardownContext info) =>
        context.Trace.Add(info.Successful ? "teardown:ok" : "teardown:failed");
}

public sealed class SampleTaskLifetime : FrostingTaskLifetime<SampleContext>
{
    public override void Setup(SampleContext context, ITaskSetupContext info) => context.Trace.Add("before:" + info.Task.Name);

    public override void Teardown(SampleContext context, ITaskTeardownContext info) => context.Trace.Add("after:" + info.Task.Name);
}

[TaskName("Clean")]
[TaskDescription("Removes old outputs")]
public sealed class CleanTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Trace.Add("Clean");
}

[TaskName("Compile")]
[IsDependentOn(typeof(CleanTask))]
public sealed class CompileTask : AsyncFrostingTask<SampleContext>
{
    public override async Task RunAsync(SampleContext context)
    {
        await Task.Yield();
        context.Information("compiling {0}", context.Flavour);
        context.Trace.Add("Compile:" + context.Flavour);
    }
}

[TaskName("Lint")]
[IsDependeeOf(typeof(CompileTask))]
public sealed class LintTask : FrostingTask<SampleContext>
{
    public override bool ShouldRun(SampleContext context) => context.Arguments.HasArgument("lint");

    public override void Run(SampleContext context) => context.Trace.Add("Lint");
}

[TaskName("Test")]
[IsDependentOn(typeof(CompileTask))]
public sealed class TestTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Trace.Add("Test");
}

[TaskName("Explode")]
[IsDependentOn(typeof(CleanTask))]
public sealed class ExplodeTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new CakeException(42, "boom");

    public override void Finally(SampleContext context) => context.Trace.Add("Finally");
}

[TaskName("Recover")]
public sealed class RecoverTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new InvalidOperationException("handled");

    public override void OnError(Exception exception, SampleContext context) => context.Trace.Add("OnError:" + exception.Message);
}

[TaskName("Default")]
[IsDependentOn(typeof(TestTask))]
public sealed class DefaultTask : FrostingTask<SampleContext>
{
}
