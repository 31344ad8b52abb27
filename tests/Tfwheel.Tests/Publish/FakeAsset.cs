namespace Tfwheel.Tests.Publish;

/// <summary>A release asset held by the fake GitHub (its hash, not its bytes).</summary>
public sealed class FakeAsset
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public required string ContentType { get; init; }

    public long Size { get; set; }

    /// <summary>"uploaded", or "starter" after a cut upload.</summary>
    public string State { get; set; } = "uploaded";

    /// <summary>Lower-case hex SHA-256 of the uploaded bytes; null while incomplete.</summary>
    public string? Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
