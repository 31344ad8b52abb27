using Tfwheel.Errors;
using Tfwheel.Recipes;

namespace Tfwheel.Compile;

/// <summary>
/// Bazel 4 refuses --remote_download_outputs=toplevel or minimal ("requires --experimental_inmemory_jdeps_files
/// to be enabled", then the same for --experimental_inmemory_dotd_files: RemoteModule.beforeCommand in
/// bazelbuild/bazel at 4.2.3, checked with Debian's bazel-bootstrap 4.2.3); Bazel 5 turned both on by
/// default. So for a bazel.version below 5 .bazelrc.user adds the two flags. When the recipe names no
/// version, Configure learns it from bazel or .bazelversion and, for Bazel 4, stops before running
/// anything with an explanation (.bazelrc.user is rendered from the recipe alone, so the flags follow it).
/// </summary>
public static class Bazel4RemoteDownload
{
    public static IReadOnlyList<string> Flags { get; } = ["--experimental_inmemory_jdeps_files", "--experimental_inmemory_dotd_files"];

    /// <summary>Whether these remote settings need the flags under this bazel version ("4", "4.2.3"; null: unknown).</summary>
    public static bool Needed(RemoteSettings remote, string? bazelVersion) =>
        remote.Enabled && remote.Download != RemoteDownload.All && Major(bazelVersion) is < 5;

    /// <summary>Configure: the recipe gives no bazel.version, but the bazel found (or .bazelversion) is older than 5.</summary>
    /// <exception cref="StepFailedException">The flags are needed and the recipe cannot get them (exit code Recipe).</exception>
    public static void EnsureExplained(Recipe recipe, string? effectiveVersion, string source)
    {
        if (recipe.Bazel.Version is not null || !Needed(recipe.Bazel.Remote, effectiveVersion))
        {
            return;
        }

        var download = recipe.Bazel.Remote.Download.ToString().ToLowerInvariant();
        throw new StepFailedException(
            $"Configure: this tree builds with bazel {effectiveVersion} ({source}), and Bazel 4 refuses bazel.remote.download: {download} unless " +
            $"{string.Join(" and ", Flags)} are on (Bazel 5 turned them on). Set bazel.version: \"{effectiveVersion}\" in the recipe " +
            "(tfwheel then adds both flags to .bazelrc.user), or set bazel.remote.download: all.",
            ExitCodes.Recipe);
    }

    private static int? Major(string? version) =>
        version?.Split('.')[0] is { } major && int.TryParse(major, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
