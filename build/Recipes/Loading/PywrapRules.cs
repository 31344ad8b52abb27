namespace Tfwheel.Recipes.Loading;

/// <summary>
/// USE_PYWRAP_RULES is read by TensorFlow's third_party/py/python_repo.bzl as the truth of a string: any
/// non-empty value turns the pywrap rules on, "False" and "0" included (docs/facts/TENSORFLOW.md section 10). A
/// recipe that writes a value reading like "off" would silently build the other way, so only a clear
/// enable is accepted; to keep the rules off, leave the variable out.
/// </summary>
internal static class PywrapRules
{
    public const string Name = "USE_PYWRAP_RULES";

    private static readonly string[] ClearEnables = ["1", "true", "True"];

    public static void Check(RecipeTreeReader tree, List<RecipeProblem> problems)
    {
        foreach (var entry in tree.Entries("bazel.repo-env").Where(e => e.Key.Text == Name))
        {
            var value = (RecipeScalar)entry.Value;
            if (!ClearEnables.Contains(value.Text))
            {
                problems.Add(value.Mark.Problem(Message($"bazel.repo-env.{Name}", value.Text)));
            }
        }

        var prefix = $"--repo_env={Name}=";
        foreach (var option in tree.Items("bazel.options").Where(o => o.Text.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (!ClearEnables.Contains(option.Text[prefix.Length..]))
            {
                problems.Add(option.Mark.Problem(Message("bazel.options", option.Text[prefix.Length..])));
            }
        }
    }

    private static string Message(string where, string value) =>
        $"'{where}' sets {Name}={RecipeRules.Printable(value)}, but TensorFlow's python_repo.bzl turns the pywrap rules ON for any non-empty value; " +
        $"write \"True\" to enable them, or remove {Name} to leave them off";
}
