using System.Text.Json;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>The Plan target through the real program: one JSON document on stdout, and no secret in any form of it.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private const string SecretVariable = "TFWHEEL_E2E_REMOTE_KEY";
    private const string Secret = "e2e-secret-9f3a71c2";
    private const string TokenShaped = "e2esecret9f3a71c2R0gFq8Zb1xYw3Lm5"; // a GitHub token's shape: ghp_ and 36 letters and digits
    private readonly TempDirectory _project = new("tfwheel-e2e-plan-");

    public void Dispose() => _project.Dispose();

    public static TheoryData<string> BuiltInRecipes()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(ProjectFiles.Root, "recipes"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public async Task Plan_as_json_prints_one_document_with_the_recipe_and_every_steps_argv_cwd_env_and_files()
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", "--recipe=macos-arm64", "--format=json");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        // Parse fails on anything after the document, so this also proves stdout holds the plan only.
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var plan = doc.RootElement;
        Assert.Equal("macos-arm64", plan.GetProperty("recipe").GetProperty("name").GetString());
        Assert.Equal(
            [Path.Combine(ProjectFiles.Root, "recipes", "base.yaml"), Path.Combine(ProjectFiles.Root, "recipes", "macos-arm64.yaml")],
            plan.GetProperty("recipe").GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Object, plan.GetProperty("tensorflow").ValueKind);
        Assert.Equal(JsonValueKind.Object, plan.GetProperty("target").ValueKind);
        var steps = plan.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("name").GetString() == "compile");
        Assert.All(steps, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString()));
            // Empty for steps that only write files or run inside tfwheel (verify).
            Assert.All(s.GetProperty("argv").EnumerateArray(), a => Assert.Equal(JsonValueKind.String, a.ValueKind));
            // null: the step runs in tfwheel's own working directory (git -C, the smoke venv's python).
            Assert.Contains(s.GetProperty("cwd").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Equal(JsonValueKind.Object, s.GetProperty("env").ValueKind);
            Assert.Equal(JsonValueKind.Object, s.GetProperty("files").ValueKind);
        });
        var compile = steps.Single(s => s.GetProperty("name").GetString() == "compile");
        var argv = compile.GetProperty("argv").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(["bazel", "build"], argv.Take(2));
        Assert.Equal("//tensorflow/tools/pip_package:wheel", argv[^1]);
        Assert.Equal(Path.Combine(ProjectFiles.Root, ".work", "src", "macos-arm64"), compile.GetProperty("cwd").GetString());
        var bazelrc = Path.Combine(ProjectFiles.Root, ".work", "src", "macos-arm64", ".bazelrc.user");
        var written = steps.SelectMany(s => s.GetProperty("files").EnumerateObject()).Single(f => f.Name == bazelrc);
        Assert.Contains("build --config=release_macos_arm64\n", written.Value.GetString());
    }

    [Fact]
    public async Task A_remote_header_secret_from_the_environment_never_appears_in_the_plan_text_or_json()
    {
        TfwheelProcess.CopyBuiltInRecipes(_project.Path);
        File.WriteAllText(_project.Combine("recipes", "remote.yaml"), $"""
            extends: macos-arm64
            bazel:
              remote: {"{"} cache: "grpcs://cache.invalid", header-env: {"{"} x-api-key: {SecretVariable} {"}"} {"}"}
            """);
        var environment = new Dictionary<string, string?> { [SecretVariable] = Secret };

        var text = await TfwheelProcess.RunAsync(_project.Path, environment, "--target=Plan", "--recipe=remote");
        var json = await TfwheelProcess.RunAsync(_project.Path, environment, "--target=Plan", "--recipe=remote", "--format=json");

        Assert.True(text.ExitCode == 0, TfwheelProcess.Output(text));
        Assert.True(json.ExitCode == 0, TfwheelProcess.Output(json));
        Assert.DoesNotContain(Secret, TfwheelProcess.Output(text), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, TfwheelProcess.Output(json), StringComparison.Ordinal);
        Assert.Contains("--remote_header=x-api-key=***", text.StandardOutput, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.StandardOutput);
        var compile = doc.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "compile");
        Assert.Contains("--remote_header=x-api-key=***", compile.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("bazel.remote.header-env.x-api-key=" + Secret + "/x")]
    [InlineData("bazel.remote.header-env.Authorization=ghp_" + TokenShaped)]
    [InlineData("bazel.options=[\"--remote_header=x-api-key=" + Secret + "\"]")]
    [InlineData("bazel.remote.cache=grpcs://user:" + Secret + "@cache.invalid")]
    public async Task A_secret_written_where_a_variable_name_belongs_exits_with_the_recipe_code_and_is_not_echoed(string set)
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", "--recipe=macos-arm64", "--set", set);

        var output = TfwheelProcess.Output(result);
        Assert.Equal(Errors.ExitCodes.Recipe, result.ExitCode);
        Assert.Contains("not shown", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenShaped, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BuiltInRecipes))]
    public async Task Plan_as_text_succeeds_for_each_built_in_recipe(string recipe)
    {
        var result = await TfwheelProcess.RunAsync(ProjectFiles.Root, "--target=Plan", $"--recipe={recipe}");

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        Assert.Contains(recipe, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("bazel", result.StandardOutput, StringComparison.Ordinal);
    }
}
