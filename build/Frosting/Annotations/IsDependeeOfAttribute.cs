namespace Cake.Frosting;

/// <summary>This task runs before <see cref="Task"/>: the reverse of <see cref="IsDependentOnAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IsDependeeOfAttribute(Type type) : Attribute
{
    public Type Task { get; } = type;
}
