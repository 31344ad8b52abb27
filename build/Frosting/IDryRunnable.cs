namespace Cake.Frosting;

/// <summary>
/// A task that can say what it would do without doing it. Under <c>--dryrun</c> the host calls this
/// instead of the task's body (Publish prints its planned API calls this way); tasks without it are
/// only listed, as in Cake's own dry run.
/// </summary>
public interface IDryRunnable
{
    Task DryRunAsync(Cake.Core.ICakeContext context);
}
