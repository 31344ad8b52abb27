namespace Tfwheel.Recipes.Loading;

/// <summary>
/// A recipe YAML value with its location. tfwheel keeps its own small tree (rather than YamlDotNet's
/// representation model) so duplicate keys survive parsing and can be reported with both locations.
/// </summary>
internal abstract record RecipeNode(SourceMark Mark)
{
    public abstract string KindName { get; }
}

internal sealed record RecipeScalar(SourceMark Mark, string Text, bool Plain) : RecipeNode(Mark)
{
    /// <summary>YAML 1.2 core schema nulls: an empty plain scalar, ~, null.</summary>
    public bool IsNull => Plain && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "null" : "a scalar";
}

internal sealed record RecipeSequence(SourceMark Mark, IReadOnlyList<RecipeNode> Items) : RecipeNode(Mark)
{
    public override string KindName => "a list";
}

internal sealed record RecipeMapping(SourceMark Mark, IReadOnlyList<RecipeEntry> Entries) : RecipeNode(Mark)
{
    public override string KindName => "a mapping";

    public RecipeEntry? Find(string key) => Entries.LastOrDefault(e => e.Key.Text == key);

    public RecipeNode? Get(string key) => Find(key)?.Value;
}

internal sealed record RecipeEntry(RecipeScalar Key, RecipeNode Value);
