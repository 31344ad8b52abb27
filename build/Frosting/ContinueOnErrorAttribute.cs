namespace Cake.Frosting;

/// <summary>A failure of this task is reported but does not stop the run (the run still exits non-zero).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ContinueOnErrorAttribute : Attribute
{
}
