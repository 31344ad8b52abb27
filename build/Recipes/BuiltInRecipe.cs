namespace Tfwheel.Recipes;

/// <summary>A recipe file in the recipes folder, as listed by <see cref="RecipeLoader.ListBuiltIn"/>.</summary>
public sealed record BuiltInRecipe(string Name, string Description, string Path);
