namespace Cake.Frosting;

/// <summary>This task runs after <see cref="Task"/> (which must be a task class).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IsDependentOnAttribute(Type type) : Attribute
{
    public Type Task { get; } = type;
}
