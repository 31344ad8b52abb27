namespace Tfwheel.Recipes;

/// <summary>What Verify requires of the wheel (recipe section <c>verify</c>).</summary>
public sealed record VerifySettings
{
    /// <summary>Architectures every native binary must contain ("arm64", "x86_64", "aarch64"); empty: the target's.</summary>
    public IReadOnlyList<string> Archs { get; init; } = [];

    /// <summary>Accept fat binaries with more slices than required (universal2).</summary>
    public bool AllowUniversal { get; init; }

    /// <summary>Frameworks at least one binary must link, e.g. "Accelerate".</summary>
    public IReadOnlyList<string> RequireFrameworks { get; init; } = [];

    public int MaxSizeMb { get; init; } = 600;
}
