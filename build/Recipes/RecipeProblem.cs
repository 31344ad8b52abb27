namespace Tfwheel.Recipes;

/// <summary>
/// One thing wrong with a recipe, located where a person can fix it. <paramref name="File"/> is the recipe
/// file as shown to the user, or the command-line source ("--set bazel.jobs", "--python") with Line 0.
/// </summary>
public sealed record RecipeProblem(string File, int Line, int Column, string Message)
{
    /// <summary>"recipes/x.yaml:12:5: message", or "--set python: message" for command-line overrides.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
