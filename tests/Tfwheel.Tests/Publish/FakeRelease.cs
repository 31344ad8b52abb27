namespace Tfwheel.Tests.Publish;

/// <summary>A release held by the fake GitHub.</summary>
public sealed class FakeRelease
{
    public required long Id { get; init; }

    public required string Tag { get; set; }

    public string Name { get; set; } = "";

    public string Body { get; set; } = "";

    public bool Draft { get; set; }

    public bool Prerelease { get; set; }

    public bool Immutable { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public List<FakeAsset> Assets { get; } = [];
}
