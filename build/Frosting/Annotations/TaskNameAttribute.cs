namespace Cake.Frosting;

/// <summary>The target name of a task class (without it, the class name).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
