using Cake.Core.Diagnostics;

namespace Cake.Frosting.Hosting;

/// <summary>
/// Not part of Cake.Frosting 6 (there: the internal DefaultCommandSettings): the host's own options as
/// read from the command line. None of them but the targets reach <c>context.Arguments</c>.
/// </summary>
public sealed record HostOptions
{
    /// <summary>--target / -t, repeatable; "Default" when none is given.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["Default"];

    public Verbosity? Verbosity { get; init; }

    public string? WorkingDirectory { get; init; }

    public bool DryRun { get; init; }

    public bool Tree { get; init; }

    public bool Description { get; init; }

    public bool Exclusive { get; init; }

    public bool Version { get; init; }

    public bool Info { get; init; }

    public bool Help { get; init; }

    public bool NoReport { get; init; }
}
