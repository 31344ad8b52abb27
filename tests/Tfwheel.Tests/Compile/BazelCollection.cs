namespace Tfwheel.Tests.Compile;

/// <summary>Tests that start bazel servers run one at a time: each server takes a core and hundreds of MB.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BazelCollection
{
    public const string Name = "bazel";
}
