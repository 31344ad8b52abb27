using System.Text.Json.Nodes;
using Tfwheel.Recipes;
using Tfwheel.Recipes.Loading;

namespace Tfwheel.Tests.Recipes;

public sealed class RecipeJsonTests : IDisposable
{
    private readonly RecipeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Json_and_hash_do_not_depend_on_key_order_or_run()
    {
        _workspace.Write("one", RecipeWorkspace.Minimal + "\nbazel: { jobs: \"4\", repo-env: { B: \"2\", A: \"1\" } }\n");
        _workspace.Write("other/one.yaml", "bazel: { repo-env: { A: \"1\", B: \"2\" }, jobs: \"4\" }\ntarget: { min-os: \"12.0\", arch: arm64, os: macos }\n"
            + "python: \"3.12\"\ntensorflow: { version: 2.20.0, ref: v2.20.0, repository: https://github.com/tensorflow/tensorflow.git }\n");

        var first = _workspace.Load("one");
        var second = RecipeLoader.Load(Path.Combine(_workspace.Root, "other", "one.yaml"), [], _workspace.RecipesDirectory);

        Assert.Equal(RecipeJson.Serialize(first with { Files = [] }), RecipeJson.Serialize(second with { Files = [] }));
        Assert.Equal(RecipeJson.Sha256(first), RecipeJson.Sha256(second));
        Assert.Equal(RecipeJson.Serialize(first), RecipeJson.Serialize(_workspace.Load("one")));
        Assert.Matches("^[0-9a-f]{64}$", RecipeJson.Sha256(first));
    }

    [Fact]
    public void Hash_changes_when_a_resolved_value_changes()
    {
        _workspace.Write("one", RecipeWorkspace.Minimal);

        var plain = RecipeJson.Sha256(_workspace.Load("one"));
        var changed = RecipeJson.Sha256(_workspace.Load("one", RecipeWorkspace.Set("bazel.jobs=2")));

        Assert.NotEqual(plain, changed);
    }

    [Fact]
    public void Keys_are_kebab_case_and_sorted_at_every_level()
    {
        var recipe = RecipeLoader.Load("macos-arm64", [], BuiltInRecipeTests.RecipesDirectory);
        var json = JsonNode.Parse(RecipeJson.Serialize(recipe))!.AsObject();

        AssertSorted(json);
        Assert.Equal("macos-arm64", (string?)json["name"]);
        Assert.Equal("release_macos_arm64", (string?)json["bazel"]!["configs"]![0]);
        Assert.Equal("12.0", (string?)json["target"]!["min-os"]);
        Assert.Equal("macosx_12_0_arm64", (string?)json["target"]!["platform-tag"]);
        Assert.Equal("toplevel", (string?)json["bazel"]!["remote"]!["download"]);
        Assert.Equal("gemm-conv", (string?)json["accelerate"]!["mode"]);
        Assert.DoesNotContain("\r", RecipeJson.Serialize(recipe), StringComparison.Ordinal);
    }

    private static void AssertSorted(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            var keys = obj.Select(p => p.Key).ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
            foreach (var property in obj)
            {
                AssertSorted(property.Value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                AssertSorted(item);
            }
        }
    }
}
