using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting;

/// <summary>Registers task classes and lifetimes with the real Cake engine, the way Cake.Frosting does.</summary>
internal static class TaskRegistrar
{
    public static void Register(ICakeEngine engine, IFrostingContext context, IEnumerable<IFrostingTask> tasks, ICakeLog log)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            var type = task.GetType();
            var name = TaskMetadata.NameOf(type);
            if (!names.Add(name))
            {
                throw new FrostingException($"Two task classes are named '{name}'; give one a different [TaskName].");
            }

            log.Debug("Registering task: {0}", name);
            var builder = engine.RegisterTask(name);
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
                builder.WithCriteria(() => task.ShouldRun(context), task.SkippedMessage ?? $"{name}: ShouldRun returned false");
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

    public static void Register(ICakeEngine engine, IFrostingContext context, IFrostingLifetime? lifetime, IFrostingTaskLifetime? taskLifetime)
    {
        if (lifetime is not null)
        {
            engine.RegisterSetupAction(info => lifetime.Setup(context, info));
            engine.RegisterTeardownAction(info => lifetime.Teardown(context, info));
        }

        if (taskLifetime is not null)
        {
            engine.RegisterTaskSetupAction(info => taskLifetime.Setup(context, info));
            engine.RegisterTaskTeardownAction(info => taskLifetime.Teardown(context, info));
        }
    }
}
