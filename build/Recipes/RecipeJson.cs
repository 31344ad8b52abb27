using System.Text.Json;
using System.Text.Json.Nodes;
using Tfwheel.Files;

namespace Tfwheel.Recipes;

/// <summary>
/// The canonical JSON of a resolved recipe: recipe key names (kebab-case), keys sorted ordinally at every
/// level, lists in order, LF line ends. Used in the manifest and in Plan --format=json; <see cref="Sha256"/>
/// of it is the recipe's input stamp.
/// </summary>
public static class RecipeJson
{
    public static JsonObject ToJson(Recipe recipe) => SortedObject(new JsonObject
    {
        ["name"] = recipe.Name,
        ["description"] = recipe.Description,
        ["files"] = Strings(recipe.Files),
        ["tensorflow"] = new JsonObject
        {
            ["repository"] = recipe.Tensorflow.Repository,
            ["ref"] = recipe.Tensorflow.Ref,
            ["commit"] = recipe.Tensorflow.Commit,
            ["version"] = recipe.Tensorflow.Version,
            ["uses-wheel-target"] = recipe.Tensorflow.UsesWheelTarget,
        },
        // As the recipe may write it: one version, or the list a run builds a wheel for.
        ["python"] = recipe.Pythons.Count == 1 ? recipe.Python : Strings(recipe.Pythons),
        ["python-tag"] = recipe.Pythons.Count == 1 ? recipe.PythonTag : Strings(recipe.PerPython.Select(r => r.PythonTag).ToList()),
        ["target"] = new JsonObject
        {
            ["os"] = RecipeEnums.Text(recipe.Target.Os),
            ["arch"] = RecipeEnums.Text(recipe.Target.Arch),
            ["min-os"] = recipe.Target.MinOs,
            ["cpu"] = recipe.Target.Cpu,
            ["platform-tag"] = recipe.Target.PlatformTag,
        },
        ["bazel"] = Bazel(recipe.Bazel),
        ["configure"] = new JsonObject { ["env"] = Map(recipe.Configure.Env), ["timeout-seconds"] = recipe.Configure.TimeoutSeconds },
        ["accelerate"] = new JsonObject
        {
            ["enabled"] = recipe.Accelerate.Enabled,
            ["mode"] = RecipeEnums.Text(recipe.Accelerate.Mode),
            ["new-lapack"] = recipe.Accelerate.NewLapack,
        },
        ["mlir"] = new JsonObject
        {
            ["bridge"] = RecipeEnums.Text(recipe.Mlir.Bridge),
            ["xla-flags"] = Strings(recipe.Mlir.XlaFlags),
            ["pass-pipeline"] = recipe.Mlir.PassPipeline,
            ["crash-reproducers"] = recipe.Mlir.CrashReproducers,
            ["dump-graphs"] = recipe.Mlir.DumpGraphs,
        },
        ["patches"] = Strings(recipe.Patches),
        ["wheel"] = new JsonObject { ["name"] = recipe.Wheel.Name, ["version-suffix"] = recipe.Wheel.VersionSuffix },
        ["verify"] = new JsonObject
        {
            ["archs"] = Strings(recipe.Verify.Archs),
            ["allow-universal"] = recipe.Verify.AllowUniversal,
            ["require-frameworks"] = Strings(recipe.Verify.RequireFrameworks),
            ["max-size-mb"] = recipe.Verify.MaxSizeMb,
        },
        ["smoke"] = new JsonObject
        {
            ["workloads"] = Strings(recipe.Smoke.Workloads),
            ["timeout-seconds"] = recipe.Smoke.TimeoutSeconds,
            ["pip-args"] = Strings(recipe.Smoke.PipArgs),
        },
        ["publish"] = new JsonObject
        {
            ["repository"] = recipe.Publish.Repository,
            ["tag"] = recipe.Publish.Tag,
            ["draft"] = recipe.Publish.Draft,
            ["prerelease"] = recipe.Publish.Prerelease,
            ["api-url"] = recipe.Publish.ApiUrl,
        },
    });

    /// <summary>The canonical text: indented, sorted, LF line ends, no trailing newline.</summary>
    public static string Serialize(Recipe recipe) =>
        ToJson(recipe).ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" });

    /// <summary>
    /// Lowercase hex SHA-256 of the canonical JSON without <c>files</c> (which says where the values came
    /// from, not what they are), so the stamp changes exactly when a resolved value changes.
    /// </summary>
    public static string Sha256(Recipe recipe)
    {
        return Hashing.Sha256Text(Serialize(recipe with { Files = [] }));
    }

    private static JsonObject Bazel(BazelSettings bazel) => new()
    {
        ["version"] = bazel.Version,
        ["executable"] = bazel.Executable,
        ["startup-options"] = Strings(bazel.StartupOptions),
        ["configs"] = Strings(bazel.Configs),
        ["options"] = Strings(bazel.Options),
        ["repo-env"] = Map(bazel.RepoEnv),
        ["action-env"] = Map(bazel.ActionEnv),
        ["jobs"] = bazel.Jobs,
        ["disk-cache"] = bazel.DiskCache,
        ["remote"] = new JsonObject
        {
            ["cache"] = bazel.Remote.Cache,
            ["executor"] = bazel.Remote.Executor,
            ["instance-name"] = bazel.Remote.InstanceName,
            ["header-env"] = Map(bazel.Remote.HeaderEnv),
            ["download"] = RecipeEnums.Text(bazel.Remote.Download),
        },
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value;
        }

        return json;
    }

    private static JsonObject SortedObject(JsonObject obj) => (JsonObject)Sorted(obj)!;

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(i => Sorted(i?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
