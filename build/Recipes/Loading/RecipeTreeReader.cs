using System.Globalization;

namespace Tfwheel.Recipes.Loading;

/// <summary>Typed, located access to a merged and shape-checked recipe tree by dotted key path.</summary>
internal sealed class RecipeTreeReader(RecipeMapping root)
{
    public RecipeNode? Node(string path)
    {
        RecipeNode? node = root;
        foreach (var key in path.Split('.'))
        {
            node = (node as RecipeMapping)?.Get(key);
        }

        return node;
    }

    /// <summary>The deepest existing section on the way to <paramref name="path"/> (not the root): where a missing value belongs.</summary>
    public SourceMark? NearestSectionMark(string path)
    {
        RecipeNode node = root;
        SourceMark? found = null;
        foreach (var key in path.Split('.'))
        {
            if ((node as RecipeMapping)?.Get(key) is not RecipeMapping next)
            {
                break;
            }

            node = next;
            found = next.Mark;
        }

        return found;
    }

    public RecipeScalar? Scalar(string path) => Node(path) is RecipeScalar { IsNull: false } s ? s : null;

    public string? Text(string path) => Scalar(path)?.Text;

    public string Text(string path, string fallback) => Text(path) ?? fallback;

    public int Integer(string path, int fallback) =>
        Scalar(path) is { } s ? int.Parse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string path, bool fallback) => Scalar(path) is { } s ? RecipeShapeChecker.IsTrue(s.Text) : fallback;

    public IReadOnlyList<RecipeScalar> Items(string path) =>
        Node(path) is RecipeSequence sequence ? sequence.Items.Cast<RecipeScalar>().ToList() : [];

    public bool Has(string path) => Node(path) is not null;

    public IReadOnlyList<RecipeEntry> Entries(string path) => Node(path) is RecipeMapping mapping ? mapping.Entries : [];
}
