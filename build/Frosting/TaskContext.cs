using Cake.Core;

namespace Cake.Frosting;

/// <summary>Checks that the host's context is the one a task was written for, with a message that names both.</summary>
internal static class TaskContext
{
    public static T Cast<T>(ICakeContext context, IFrostingTask task)
        where T : ICakeContext =>
        context is T typed
            ? typed
            : throw new FrostingException(
                $"Task {TaskMetadata.NameOf(task.GetType())} needs a {typeof(T).Name} context but the host uses {context.GetType().Name}: " +
                $"call UseContext<{typeof(T).Name}>() on the CakeHost.");
}
