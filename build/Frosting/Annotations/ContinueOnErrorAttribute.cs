namespace Cake.Frosting;

/// <summary>A failure of this task is reported but does not stop the run (Cake.Frosting then exits 0; an app may decide otherwise, see IHostBehaviour.Completed).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ContinueOnErrorAttribute : Attribute
{
}
