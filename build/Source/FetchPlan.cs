using Tfwheel.Processes;

namespace Tfwheel.Source;

/// <summary>
/// The git commands Fetch runs, in order. <see cref="Init"/> runs only when the folder holds no clone yet;
/// <see cref="Clean"/> only when the tree moves to another commit and holds our patches; <see cref="Checkout"/>
/// only when the tree is not already at the fetched commit.
/// </summary>
public sealed record FetchPlan(
    string Tree,
    PlannedStep Init,
    PlannedStep SetRemote,
    PlannedStep Fetch,
    PlannedStep Resolve,
    PlannedStep Status,
    PlannedStep Clean,
    PlannedStep Checkout)
{
    public IReadOnlyList<PlannedStep> Steps => [Init, SetRemote, Fetch, Resolve, Status, Clean, Checkout];
}
