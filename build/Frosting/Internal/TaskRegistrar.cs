using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// Registers task classes, lifetimes and setup/teardown actions with the real Cake engine, the way
/// Cake.Frosting 6 does (cake-build/cake src/Cake.Frosting/Internal/FrostingEngine.cs).
/// </summary>
internal static class TaskRegistrar
{
    public static void RegisterTasks(ICakeEngine engine, IFrostingContext context, IEnumerable<IFrostingTask> tasks, ICakeLog log)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            var type = task.GetType();
            var name = TaskMetadata.NameOf(type);
            log.Debug("Registering task: {0}", name);
            var wanted = TaskMetadata.ContextOf(type);
            if (!wanted.IsInstanceOfType(context))
            {
                // As Cake.Frosting: a task written for another context is left out, with a warning, not a crash.
                log.Warning("Task {0} cannot be used since the context isn't convertible to {1}.", name, wanted.FullName ?? wanted.Name);
                continue;
            }

            if (!names.Add(name))
            {
                throw new FrostingException($"Two task classes are named '{name}': give one of them a different [TaskName].");
            }

            Register(engine.RegisterTask(name), task, type, context);
        }
    }

    public static void RegisterLifetimes(
        ICakeEngine engine, IFrostingContext context, IFrostingSetup? setup, IFrostingTeardown? teardown,
        IFrostingTaskSetup? taskSetup, IFrostingTaskTeardown? taskTeardown)
    {
        if (setup is not null)
        {
            engine.RegisterSetupAction(info => setup.Setup(context, info));
        }

        if (teardown is not null)
        {
            engine.RegisterTeardownAction(info => teardown.Teardown(context, info));
        }

        if (taskSetup is not null)
        {
            engine.RegisterTaskSetupAction(info => taskSetup.Setup(context, info));
        }

        if (taskTeardown is not null)
        {
            engine.RegisterTaskTeardownAction(info => taskTeardown.Teardown(context, info));
        }
    }

    private static void Register(CakeTaskBuilder builder, IFrostingTask task, Type type, IFrostingContext context)
    {
        if (TaskMetadata.DescriptionOf(type) is { Length: > 0 } description)
        {
            builder.Description(description);
        }

        if (TaskMetadata.Overrides(type, "Run") || TaskMetadata.Overrides(type, "RunAsync"))
        {
            builder.Does(() => task.RunAsync(context));
        }

        if (TaskMetadata.Overrides(type, "ShouldRun"))
        {
            builder.WithCriteria(() => task.ShouldRun(context), task.SkippedMessage);
        }

        if (TaskMetadata.ContinuesOnError(type))
        {
            builder.ContinueOnError();
        }

        if (TaskMetadata.Overrides(type, "OnError"))
        {
            builder.OnError(exception => task.OnError(exception, context));
        }

        if (TaskMetadata.Overrides(type, "Finally"))
        {
            builder.Finally(() => task.Finally(context));
        }

        foreach (var dependency in TaskMetadata.DependenciesOf(type))
        {
            builder.IsDependentOn(TaskMetadata.NameOf(dependency));
        }

        foreach (var dependee in TaskMetadata.DependeesOf(type))
        {
            builder.IsDependeeOf(TaskMetadata.NameOf(dependee));
        }
    }
}
