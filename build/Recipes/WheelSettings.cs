namespace Tfwheel.Recipes;

/// <summary>The wheel's distribution name (WHEEL_NAME) and an optional version suffix (recipe section <c>wheel</c>).</summary>
public sealed record WheelSettings
{
    public string Name { get; init; } = "tensorflow";

    public string VersionSuffix { get; init; } = "";
}
