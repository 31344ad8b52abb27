using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Doctor;

/// <summary>What the host is checked against: the recipe's target and tools, or just the host when there is none.</summary>
public sealed record DoctorRequirements
{
    public TargetOs? TargetOs { get; init; }

    public string? TargetArch { get; init; }

    public string BazelExecutable { get; init; } = "bazel";

    public string? BazelVersion { get; init; }

    /// <summary>The interpreter to examine: python3 on PATH, or --python.</summary>
    public string Python { get; init; } = "python3";

    /// <summary>The Pythons the run builds for (["3.11", "3.12"]): each wheel's smoke venv needs its python3.X.</summary>
    public IReadOnlyList<string> PythonVersions { get; init; } = [];

    /// <summary>--local_ram_resources from the recipe's bazel options, in MB, when it sets a number.</summary>
    public long? LocalRamMb { get; init; }

    public string WorkDirectory { get; init; } = ".";

    /// <summary>The recipe's bazel configs: their hard-coded host paths are checked (Doctor.ReleaseConfigPaths).</summary>
    public IReadOnlyList<string> Configs { get; init; } = [];

    /// <summary>Variables the recipe sets itself in bazel.repo-env / action-env, overriding a config's path.</summary>
    public IReadOnlySet<string> OverriddenEnv { get; init; } = new HashSet<string>();

    public static DoctorRequirements From(Recipe recipe, string workDirectory, string? python) => new()
    {
        TargetOs = recipe.Target.Os,
        TargetArch = recipe.Target.ArchTag,
        BazelExecutable = recipe.Bazel.Executable,
        BazelVersion = recipe.Bazel.Version,
        Python = python ?? "python3",
        PythonVersions = recipe.Pythons,
        LocalRamMb = recipe.Bazel.Options
            .Select(o => o.StartsWith("--local_ram_resources=", StringComparison.Ordinal) && long.TryParse(o["--local_ram_resources=".Length..], out var mb) ? mb : (long?)null)
            .LastOrDefault(v => v is not null),
        WorkDirectory = workDirectory,
        Configs = recipe.Bazel.Configs,
        OverriddenEnv = recipe.Bazel.RepoEnv.Keys.Concat(recipe.Bazel.ActionEnv.Keys).ToHashSet(StringComparer.Ordinal),
    };
}
