using Cake.Core;

namespace Tfwheel.Cli;

/// <summary>
/// A task that can say what it would do without doing it. Under <c>--dryrun</c> tfwheel calls this instead
/// of the task's body (Publish prints its planned API calls this way); other tasks are only listed, as in
/// Cake's own dry run. See <see cref="TfwheelDryRun"/>.
/// </summary>
public interface IDryRunnable
{
    Task DryRunAsync(ICakeContext context);
}
