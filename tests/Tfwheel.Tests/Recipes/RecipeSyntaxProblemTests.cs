using CsCheck;

namespace Tfwheel.Tests.Recipes;

public sealed class RecipeSyntaxProblemTests : IDisposable
{
    private readonly RecipeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Unknown_key_is_reported_with_line_and_column_and_a_suggestion()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\npyhton: \"3.12\"\n");

        var problems = _workspace.Problems("x");

        Assert.Equal([$"{_workspace.File("x")}:4:1: unknown key 'pyhton' (did you mean 'python'?)"], problems);
    }

    [Fact]
    public void Unknown_nested_key_names_its_section()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\nbazel:\n  jbos: 8\n");

        var problems = _workspace.Problems("x");

        Assert.Equal([$"{_workspace.File("x")}:5:3: unknown key 'jbos' in 'bazel' (did you mean 'jobs'?)"], problems);
    }

    [Fact]
    public void Wrong_type_names_the_expected_type()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\nbazel:\n  configs: release_macos_arm64\n  jobs: [1]\nsmoke: { timeout-seconds: soon }\n");

        var problems = _workspace.Problems("x");

        RecipeWorkspace.AssertProblems(
        [
            $"{_workspace.File("x")}:5:12: 'bazel.configs' expects a list of strings, got a scalar (write [value] for a list of one)",
            $"{_workspace.File("x")}:6:9: 'bazel.jobs' expects a string, got a list",
            $"{_workspace.File("x")}:7:27: 'smoke.timeout-seconds' expects an integer, got 'soon'",
        ], problems);
    }

    [Fact]
    public void Empty_file_is_a_problem()
    {
        _workspace.Write("x", "# nothing here yet\n");

        Assert.Equal([$"{_workspace.File("x")}:1:1: the recipe is empty; write at least 'extends: base' and the keys you change"], _workspace.Problems("x"));
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_with_the_first_line()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\npython: \"3.11\"\n");

        Assert.Equal([$"{_workspace.File("x")}:4:1: duplicate key 'python' (first written at line 2)"], _workspace.Problems("x"));
    }

    [Fact]
    public void Yaml_syntax_error_is_located_without_parser_text_prefix()
    {
        _workspace.Write("x", "python: \"3.12\nname: x\n");

        var problem = Assert.Single(_workspace.Problems("x"));

        Assert.StartsWith($"{_workspace.File("x")}:", problem, StringComparison.Ordinal);
        Assert.Contains(": YAML syntax error: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_values_point_at_their_section_or_the_file()
    {
        _workspace.Write("x", "tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, version: 2.20.0 }\ntarget: { os: linux, arch: x86_64 }\n");

        var problems = _workspace.Problems("x");

        RecipeWorkspace.AssertProblems(
        [
            $"{_workspace.File("x")}:1:13: missing required value 'tensorflow.ref' (set it in this recipe, in one it extends, or with --set tensorflow.ref=...)",
            $"{_workspace.File("x")}:1:1: missing required value 'python' (set it in this recipe, in one it extends, or with --set python=...)",
        ], problems);
    }

    [Fact]
    public void Unknown_enum_values_list_the_allowed_ones()
    {
        _workspace.Write("x", """
            tensorflow: { repository: https://github.com/tensorflow/tensorflow.git, ref: v2.20.0, version: 2.20.0 }
            python: "3.12"
            target: { os: darwin, arch: amd64 }
            mlir: { bridge: on }
            """);

        RecipeWorkspace.AssertProblems(
        [
            $"{_workspace.File("x")}:3:15: unknown value 'darwin' for 'target.os' (allowed: macos, linux)",
            $"{_workspace.File("x")}:3:29: unknown value 'amd64' for 'target.arch' (allowed: arm64, x86_64, aarch64) (did you mean 'arm64'?)",
            $"{_workspace.File("x")}:4:17: unknown value 'on' for 'mlir.bridge' (allowed: default, enabled, disabled)",
        ], _workspace.Problems("x"));
    }

    [Fact]
    public void All_problems_of_all_files_are_reported_together()
    {
        _workspace.Write("parent", RecipeWorkspace.Minimal + "\nwheel: { nmae: x }\n");
        _workspace.Write("x", "extends: parent\npyhton: \"3.12\"\naccelerate: { enabled: maybe }\n");

        var problems = _workspace.Problems("x");

        RecipeWorkspace.AssertProblems(
        [
            $"{_workspace.File("parent")}:4:10: unknown key 'nmae' in 'wheel' (did you mean 'name'?)",
            $"{_workspace.File("x")}:2:1: unknown key 'pyhton' (did you mean 'python'?)",
            $"{_workspace.File("x")}:3:24: 'accelerate.enabled' expects true or false, got 'maybe'",
        ], problems.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_token_key_is_refused_with_where_secrets_belong()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\npublish: { token: ghp_abc }\n");

        var problem = Assert.Single(_workspace.Problems("x"));

        Assert.Equal($"{_workspace.File("x")}:4:12: unknown key 'token' in 'publish': secrets never go in a recipe; tfwheel reads tokens from the environment (GITHUB_TOKEN, or the variables named in bazel.remote.header-env)", problem);
        Assert.DoesNotContain("ghp_abc", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_recipe_name_suggests_a_close_one()
    {
        _workspace.Write("macos-arm64", RecipeWorkspace.Minimal);

        var problem = Assert.Single(_workspace.Problems("macos-arm65"));

        Assert.StartsWith("--recipe: no recipe named 'macos-arm65' in ", problem, StringComparison.Ordinal);
        Assert.EndsWith("(did you mean 'macos-arm64'?); built-in recipes: macos-arm64", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Structural_yaml_problems_are_located()
    {
        _workspace.Write("docs", RecipeWorkspace.Minimal + "\n---\nname: y\n");
        _workspace.Write("list", "- a\n- b\n");
        _workspace.Write("alias", "python: *nope\n");
        _workspace.Write("section", RecipeWorkspace.Minimal + "\nbazel:\n");

        RecipeWorkspace.AssertProblems([$"{_workspace.File("docs")}:4:1: a recipe file holds one YAML document; remove the second '---'"], _workspace.Problems("docs"));
        RecipeWorkspace.AssertProblems([$"{_workspace.File("list")}:1:1: a recipe is a mapping of keys (name:, extends:, tensorflow: ...), got a list"], _workspace.Problems("list"));
        RecipeWorkspace.AssertProblems([$"{_workspace.File("alias")}:1:9: unknown alias '*nope'"], _workspace.Problems("alias"));
        RecipeWorkspace.AssertProblems([$"{_workspace.File("section")}:4:7: 'bazel' expects a mapping, got null (write {{}} for an empty mapping)"], _workspace.Problems("section"));
    }

    [Fact]
    public void Yaml_syntax_error_in_a_set_value_names_the_set()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal);

        RecipeWorkspace.AssertProblems(
            ["--set bazel.configs: YAML syntax error: While parsing a node, did not find expected node content."],
            _workspace.Problems("x", RecipeWorkspace.Set("bazel.configs=[a,")));
    }

    [Fact]
    public void Anchors_and_aliases_are_followed()
    {
        _workspace.Write("x", RecipeWorkspace.Minimal + "\nsmoke: { workloads: &w [add], pip-args: *w }\n");

        Assert.Equal(["add"], _workspace.Load("x").Smoke.PipArgs);
    }

    [Fact]
    public void Nesting_of_any_depth_and_shape_is_a_located_problem_never_a_stack_overflow()
    {
        // Issue 11: 10,000 nested '[' overflowed the stack (SIGABRT); depth is counted on the parser's events.
        var opener = Gen.OneOf(Gen.Const("["), Gen.Const("{a: "), Gen.Const("[{a: "));
        Gen.Select(opener, Gen.Int[33, 20_000]).Sample((open, depth) =>
        {
            _workspace.Write("deep", RecipeWorkspace.Minimal + "\nbazel:\n  options: " + string.Concat(Enumerable.Repeat(open, depth)) + "\n");

            var problems = _workspace.Problems("deep");

            Assert.Contains(problems, p => p.Contains("nest more than 32 levels", StringComparison.Ordinal) || p.Contains("YAML syntax error", StringComparison.Ordinal));
        }, iter: 20, threads: 1);
    }
}
