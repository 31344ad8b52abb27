namespace Tfwheel.Recipes.Loading;

/// <summary>
/// Where a value was written: a recipe file (display path, 1-based line and column) or a command-line
/// override (its label, line 0). <paramref name="BaseDirectory"/> is what relative paths in the value
/// resolve against: the declaring file's folder, or the current directory for overrides.
/// </summary>
internal sealed record SourceMark(string File, int Line, int Column, string BaseDirectory)
{
    public RecipeProblem Problem(string message) => new(File, Line, Column, message);
}
