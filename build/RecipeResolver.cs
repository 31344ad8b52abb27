using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Recipes.Loading;

namespace Tfwheel;

/// <summary>
/// Resolves the recipe a run asked for: --recipe (a built-in name or a path; by default the one for this
/// host), then --set overrides in order, then explicit flags (--python), per docs/ARCHITECTURE.md's precedence.
/// </summary>
public static class RecipeResolver
{
    /// <param name="bazelOverride">The BAZEL environment variable: a bazel or bazelisk to use whatever the recipe says.</param>
    /// <param name="defaultRecipe">cake.config's [tfwheel] recipe, used when --recipe is not given.</param>
    public static Recipe Resolve(BuildOptions options, string root, HostPlatform host, string? bazelOverride = null, string? defaultRecipe = null)
    {
        var overrides = options.Sets.Select(RecipeOverride.ParseSet).ToList();
        // --python is versions ("3.12" or "3.11,3.12": the Pythons to build, normally some of the recipe's list) or an
        // interpreter (a path or command for Smoke and Doctor, which leaves the recipe alone).
        if (options.Python is { } python && IsVersion(python))
        {
            var versions = python.Split(',');
            overrides.Add(new RecipeOverride("--python", "python", versions.Length == 1 ? python : "[" + string.Join(", ", versions) + "]"));
        }

        var recipe = RecipeLoader.Load(options.Recipe ?? defaultRecipe ?? DefaultFor(host), overrides, Path.Combine(root, "recipes"));
        return string.IsNullOrWhiteSpace(bazelOverride) ? recipe : recipe with { Bazel = recipe.Bazel with { Executable = bazelOverride } };
    }

    /// <summary>"3.12" or a comma-separated list "3.11,3.12" (no spaces): what --python selects, as opposed to an interpreter.</summary>
    public static bool IsVersion(string text) =>
        text.Length > 0 && text.Split(',').All(v => v.Length > 0 && char.IsAsciiDigit(v[0]) && v.All(c => char.IsAsciiDigit(c) || c == '.'));

    /// <summary>The built-in recipe for the machine we are on, used when --recipe is not given.</summary>
    public static string DefaultFor(HostPlatform host) => (host.Os, host.Arch) switch
    {
        ("macos", "arm64") => "macos-arm64",
        ("macos", _) => "macos-x86_64",
        ("linux", "aarch64") => "linux-aarch64",
        _ => "linux-x86_64",
    };
}
