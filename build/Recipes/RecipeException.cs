using Tfwheel.Errors;

namespace Tfwheel.Recipes;

/// <summary>
/// A recipe failed to load or validate. Carries every problem found, not only the first; the message is
/// one located line per problem, so the host can print it as is.
/// </summary>
public sealed class RecipeException : TfwheelException
{
    public RecipeException(IReadOnlyList<RecipeProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public IReadOnlyList<RecipeProblem> Problems { get; }

    public override int ExitCode => ExitCodes.Recipe;
}
