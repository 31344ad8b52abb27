using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tfwheel.Files;

/// <summary>How tfwheel's own state files (the input stamp) are serialized: camelCase, enums as kebab-case strings.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
