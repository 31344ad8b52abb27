namespace Tfwheel.Recipes;

/// <summary>Where Publish puts the wheel (recipe section <c>publish</c>). The token comes from GITHUB_TOKEN/GH_TOKEN, never from here.</summary>
public sealed record PublishSettings
{
    /// <summary>owner/name; null when the recipe does not publish.</summary>
    public string? Repository { get; init; }

    /// <summary>Tag template; {tensorflow.version}, {name}, {python}, {target.arch} are replaced.</summary>
    public string Tag { get; init; } = "tf-{tensorflow.version}-{name}";

    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    public string ApiUrl { get; init; } = "https://api.github.com/";
}
