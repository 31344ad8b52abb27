using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Verify;

/// <summary>
/// What Verify holds a wheel to. Defaults come from the recipe (inside the pipeline) or from the wheel's
/// own platform tag (standalone); command-line options override either with <see cref="WithOverrides"/>.
/// </summary>
/// <param name="Os">"macos", "linux" or "other" (then no OS-specific checks).</param>
/// <param name="Archs">Architectures every native binary must contain: arm64, x86_64, aarch64.</param>
/// <param name="MinOs">macOS: no binary may need a newer macOS. Linux (manylinux): the glibc ceiling.</param>
public sealed record VerifyRequirements(string Os, IReadOnlyList<string> Archs, Version? MinOs)
{
    /// <summary>The recipe's default (verify.max-size-mb).</summary>
    public const int DefaultMaxSizeMb = 600;

    public bool AllowUniversal { get; init; }

    /// <summary>Frameworks (macOS) at least one binary must link, e.g. "Accelerate".</summary>
    public IReadOnlyList<string> RequireFrameworks { get; init; } = [];

    public int MaxSizeMb { get; init; } = DefaultMaxSizeMb;

    /// <summary>CPU names (Verify.Binaries.CpuTargets), at most one per architecture family; empty: each platform's baseline.</summary>
    public IReadOnlyList<string> Cpus { get; init; } = [];

    public static VerifyRequirements FromRecipe(Recipe recipe)
    {
        var target = recipe.Target;
        var os = target.OsName;
        var minOs = target.MinOsVersion ?? (os == "macos" ? new Version(11, 0) : null);
        return new VerifyRequirements(os, recipe.Verify.Archs.Count > 0 ? recipe.Verify.Archs : [target.ArchTag], minOs)
        {
            AllowUniversal = recipe.Verify.AllowUniversal,
            RequireFrameworks = recipe.Verify.RequireFrameworks,
            MaxSizeMb = recipe.Verify.MaxSizeMb,
            Cpus = target.Cpu is { } cpu ? [cpu] : [],
        };
    }

    /// <summary>Reads the platform tags of a wheel's file name; a universal2 tag allows fat binaries.</summary>
    /// <exception cref="Errors.UsageException">The name is not a wheel file name.</exception>
    public static VerifyRequirements FromWheelFileName(string wheelPath)
    {
        var name = WheelFileName.TryParse(wheelPath, out var error)
            ?? throw new Errors.UsageException($"--wheel: {error}. Pass a wheel file as built (name-version-python-abi-platform.whl), or --recipe to say what to require");
        var tags = name.PlatformTags.Select(PlatformTag.Parse).ToList();
        var os = tags.Select(t => t.Os).Distinct().Count() == 1 ? tags[0].Os : "other";
        var archs = tags.SelectMany(t => t.Archs).Distinct().ToList();
        var minOs = tags.Where(t => t.MinOs is not null).Select(t => t.MinOs).Min();
        return new VerifyRequirements(os, archs, minOs)
        {
            AllowUniversal = name.PlatformTags.Any(t => t.EndsWith("_universal2", StringComparison.Ordinal)),
        };
    }

    /// <summary>Applies command-line options (null: keep what the recipe or tag said).</summary>
    public VerifyRequirements WithOverrides(
        IReadOnlyList<string>? archs = null, bool? allowUniversal = null, IReadOnlyList<string>? requireFrameworks = null, int? maxSizeMb = null,
        IReadOnlyList<string>? cpus = null) =>
        this with
        {
            Cpus = cpus?.Concat(Cpus).ToList() ?? Cpus,
            Archs = archs ?? Archs,
            AllowUniversal = allowUniversal ?? AllowUniversal,
            RequireFrameworks = requireFrameworks ?? RequireFrameworks,
            MaxSizeMb = maxSizeMb ?? MaxSizeMb,
        };
}
