namespace Tfwheel.Platforms;

/// <summary>The operating system the wheel is for (recipe key <c>target.os</c>: macos | linux).</summary>
public enum TargetOs
{
    Macos,
    Linux,
}
