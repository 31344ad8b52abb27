namespace Tfwheel.Source;

/// <summary>The tree Fetch left: where it is and the commit checked out.</summary>
/// <param name="Reused">An existing clone was updated rather than a new one made.</param>
public sealed record FetchResult(string Tree, string Commit, bool Reused, TimeSpan Duration);
