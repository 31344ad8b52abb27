using System.Collections.Immutable;

namespace Tfwheel.Recipes;

/// <summary>How bazel is found and invoked (recipe section <c>bazel</c>).</summary>
public sealed record BazelSettings
{
    /// <summary>Expected bazel version; checked against the tree's .bazelversion and `bazel --version`.</summary>
    public string? Version { get; init; }

    /// <summary>bazel or bazelisk, a name on PATH or a path; the BAZEL environment variable overrides it.</summary>
    public string Executable { get; init; } = "bazel";

    public IReadOnlyList<string> StartupOptions { get; init; } = [];

    /// <summary>Each becomes --config=X; each must exist as build:X or common:X in the tree's bazelrc files.</summary>
    public IReadOnlyList<string> Configs { get; init; } = [];

    /// <summary>Extra build options, verbatim (validated: start with '-', no newline or NUL, not a startup option).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public IReadOnlyDictionary<string, string> RepoEnv { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public IReadOnlyDictionary<string, string> ActionEnv { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>"auto" (let bazel decide) or a positive number for --jobs.</summary>
    public string Jobs { get; init; } = "auto";

    /// <summary>--disk_cache directory ("~" expands to the home folder); null or empty for none.</summary>
    public string? DiskCache { get; init; }

    public RemoteSettings Remote { get; init; } = new();
}
