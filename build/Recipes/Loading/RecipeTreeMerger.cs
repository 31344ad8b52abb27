namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Layers one checked recipe tree over another: mappings merge key by key (deeply), lists and scalars
/// replace. Every value keeps the location of the layer that wrote it, so later errors point there; a mapping keeps
/// the location where it was first written.
/// </summary>
internal static class RecipeTreeMerger
{
    public static RecipeMapping Merge(RecipeMapping under, RecipeMapping over)
    {
        var entries = new List<RecipeEntry>(under.Entries);
        foreach (var entry in over.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Text == entry.Key.Text);
            if (index < 0)
            {
                entries.Add(entry);
            }
            else if (entries[index].Value is RecipeMapping lower && entry.Value is RecipeMapping upper)
            {
                entries[index] = entry with { Value = Merge(lower, upper) };
            }
            else
            {
                entries[index] = entry;
            }
        }

        return under with { Entries = entries };
    }

    /// <summary>Drops the keys that belong to one file (name, description, extends) before a file is inherited.</summary>
    public static RecipeMapping WithoutPerFileKeys(RecipeMapping tree) =>
        tree with { Entries = tree.Entries.Where(e => !RecipeSchema.PerFileKeys.Contains(e.Key.Text)).ToList() };
}
