namespace Tfwheel.Tests.Recipes;

/// <summary>Recipe errors for settings TensorFlow's own files read differently than they look (docs/facts/TENSORFLOW.md section 10).</summary>
public sealed class TensorflowCorrectionRuleTests : IDisposable
{
    private readonly RecipeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string At(int line, int column) => $"{_workspace.File("x")}:{line}:{column}: ";

    [Theory]
    [InlineData("\"False\"")]
    [InlineData("\"0\"")]
    [InlineData("\"\"")]
    public void Use_pywrap_rules_set_to_anything_but_a_clear_enable_is_refused_because_any_non_empty_value_turns_it_on(string value)
    {
        _workspace.Write("x", $$"""
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target: { os: macos, arch: arm64 }
            bazel:
              repo-env:
                USE_PYWRAP_RULES: {{value}}
            """);

        var problems = _workspace.Problems("x");
        Assert.True(problems.Count == 1, string.Join("\n", problems));
        var problem = problems[0];
        Assert.StartsWith(At(6, 23), problem);
        Assert.Contains("turns the pywrap rules ON for any non-empty value", problem);
        Assert.Contains("remove USE_PYWRAP_RULES to leave them off", problem);
    }

    [Fact]
    public void Use_pywrap_rules_true_and_a_false_bazel_option_are_told_apart()
    {
        _workspace.Write("x", """
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target: { os: macos, arch: arm64 }
            bazel:
              repo-env: { USE_PYWRAP_RULES: "True" }
              options: ["--repo_env=USE_PYWRAP_RULES=False"]
            """);

        var problems = _workspace.Problems("x");
        Assert.True(problems.Count == 1, string.Join("\n", problems));
        var problem = problems[0];
        Assert.StartsWith(At(6, 13), problem);
        Assert.Contains("'bazel.options' sets USE_PYWRAP_RULES=False", problem);
    }

    [Fact]
    public void New_lapack_below_macos_13_3_is_a_recipe_error_at_the_setting()
    {
        _workspace.Write("x", """
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target: { os: macos, arch: arm64, min-os: "12.0" }
            accelerate: { enabled: true, mode: gemm-conv, new-lapack: true }
            """);

        RecipeWorkspace.AssertProblems(
            [At(4, 59) + "'accelerate.new-lapack' needs macOS 13.3 or later (ACCELERATE_NEW_LAPACK), but target.min-os is 12.0; raise min-os or set new-lapack: false"],
            _workspace.Problems("x"));
    }
}
