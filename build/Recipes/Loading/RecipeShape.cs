namespace Tfwheel.Recipes.Loading;

/// <summary>What a recipe key may hold; <see cref="RecipeSchema"/> arranges these into the recipe's key tree.</summary>
internal abstract record RecipeShape
{
    /// <summary>The expected type as an error message names it: "a string", "a list of strings".</summary>
    public abstract string Expected { get; }
}

/// <summary>A mapping with fixed kebab-case keys; mappings merge deeply across the extends chain.</summary>
internal sealed record SectionShape(IReadOnlyDictionary<string, RecipeShape> Keys) : RecipeShape
{
    public override string Expected => "a mapping";
}

/// <summary>A mapping from free names (environment variables, header names) to strings; merges by name.</summary>
internal sealed record DictionaryShape : RecipeShape
{
    public override string Expected => "a mapping of names to strings";
}

/// <summary>A list of strings; a later recipe's list replaces an earlier one as a whole.</summary>
internal sealed record ListShape : RecipeShape
{
    public override string Expected => "a list of strings";
}

/// <summary>A single string or a list of them (python: "3.12" or python: ["3.11", "3.12"]); a list replaces as a whole.</summary>
internal sealed record OneOrListShape : RecipeShape
{
    public override string Expected => "a string or a list of strings";
}

internal enum ScalarKind
{
    String,
    Integer,
    Boolean,
}

/// <summary>A single value. <paramref name="Allowed"/> restricts strings to an enumeration; <paramref name="Nullable"/> accepts ~.</summary>
internal sealed record ScalarShape(ScalarKind Kind, IReadOnlyList<string>? Allowed = null, bool Nullable = false) : RecipeShape
{
    public override string Expected => Kind switch
    {
        ScalarKind.Integer => "an integer",
        ScalarKind.Boolean => "true or false",
        _ when Allowed is not null => "one of " + string.Join(", ", Allowed),
        _ => "a string",
    };
}
