using System.Text.Json;
using System.Text.Json.Serialization;
using Tfwheel.Recipes;

namespace Tfwheel.Artifacts;

/// <summary>
/// The resolved recipe as JSON (camelCase, enums as strings), for the manifest and the input stamp. The
/// recipe holds names of secret variables, never their values, so it is safe to store.
/// </summary>
public static class RecipeJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(Recipe recipe) => JsonSerializer.Serialize(recipe, Options);

    public static string Sha256(Recipe recipe) => Hashing.Sha256Text(Serialize(recipe));
}
