using System.Reflection;
using Cake.Core;
using Cake.Frosting.Hosting;

namespace Cake.Frosting.Internal;

/// <summary>What the host reads from a task class: its attributes, its context type and which hooks it overrides.</summary>
internal static class TaskMetadata
{
    public static string NameOf(Type task) =>
        task.GetCustomAttribute<TaskNameAttribute>()?.Name ?? task.Name;

    public static string DescriptionOf(Type task) =>
        task.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? string.Empty;

    public static TaskSummary Summary(Type task) => new(NameOf(task), DescriptionOf(task), task);

    public static IEnumerable<Type> DependenciesOf(Type task) =>
        task.GetCustomAttributes<IsDependentOnAttribute>().Select(a => Checked(task, a.Task, "IsDependentOn"));

    public static IEnumerable<Type> DependeesOf(Type task) =>
        task.GetCustomAttributes<IsDependeeOfAttribute>().Select(a => Checked(task, a.Task, "IsDependeeOf"));

    public static bool ContinuesOnError(Type task) => task.GetCustomAttribute<ContinueOnErrorAttribute>() is not null;

    /// <summary>The context type the task was written for: the type argument of its Frosting base class.</summary>
    public static Type ContextOf(Type task)
    {
        for (var type = task.BaseType; type is not null; type = type.BaseType)
        {
            if (IsFrostingBase(type))
            {
                return type.GenericTypeArguments[0];
            }
        }

        return typeof(ICakeContext);
    }

    /// <summary>
    /// Whether the task class (or a class between it and the Frosting base) overrides the named hook.
    /// Hooks that are not overridden are not registered, so the engine's report stays as Cake users know it.
    /// </summary>
    public static bool Overrides(Type task, string method)
    {
        for (var type = task; type is not null && !IsFrostingBase(type); type = type.BaseType)
        {
            if (type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.Name == method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrostingBase(Type type) =>
        type.IsGenericType &&
        (type.GetGenericTypeDefinition() == typeof(FrostingTask<>) || type.GetGenericTypeDefinition() == typeof(AsyncFrostingTask<>));

    private static Type Checked(Type owner, Type target, string attribute) =>
        typeof(IFrostingTask).IsAssignableFrom(target) && target is { IsAbstract: false }
            ? target
            : throw new FrostingException($"[{attribute}(typeof({target.Name}))] on task {NameOf(owner)}: {target.Name} is not a task class. Name a class that derives from FrostingTask or AsyncFrostingTask.");
}
