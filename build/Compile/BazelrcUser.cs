using System.Text;
using Tfwheel.Platforms;
using Tfwheel.Recipes;

namespace Tfwheel.Compile;

/// <summary>
/// Renders the tree's .bazelrc.user from a recipe. TensorFlow's .bazelrc ends with
/// "try-import %workspace%/.bazelrc.user", so everything here applies to every bazel build in the tree,
/// including one a person runs by hand. Remote header values are secrets and never go into this file:
/// the compile command line carries them (see <see cref="CompilePlanner"/>).
/// </summary>
public static class BazelrcUser
{
    public const string FileName = ".bazelrc.user";

    public static string Render(Recipe recipe, string homeDirectory)
    {
        var bazel = recipe.Bazel;
        var text = new StringBuilder()
            .AppendLine($"# Written by tfwheel from recipe '{recipe.Name}'; rewritten by every Configure, so edit the recipe instead.")
            .AppendLine("# TensorFlow's .bazelrc try-imports this file.");
        foreach (var config in bazel.Configs)
        {
            Line(text, "--config=" + config);
        }

        CpuCompileFlags.Append(text, recipe);
        foreach (var (name, value) in RepoEnv(recipe))
        {
            Line(text, $"--repo_env={name}={value}");
        }

        foreach (var (name, value) in bazel.ActionEnv.Where(kv => !recipe.Templates.ActionEnvFollowsPython(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Line(text, $"--action_env={name}={value}");
        }

        if (bazel.Jobs != "auto")
        {
            Line(text, "--jobs=" + bazel.Jobs);
        }

        if (!string.IsNullOrEmpty(bazel.DiskCache))
        {
            Line(text, "--disk_cache=" + ExpandHome(bazel.DiskCache, homeDirectory));
        }

        AppendRemote(text, bazel.Remote);
        foreach (var flag in Compile.Bazel4RemoteDownload.Needed(bazel.Remote, bazel.Version) ? Compile.Bazel4RemoteDownload.Flags : [])
        {
            Line(text, flag);
        }

        AccelerateFlags.Append(text, recipe);
        foreach (var option in bazel.Options)
        {
            Line(text, option);
        }

        return text.ToString();
    }

    /// <summary>
    /// The repo-env the tree shares (.bazelrc.user): <see cref="AllRepoEnv"/> without the values that follow the
    /// Python, which each build's command line carries (<see cref="PythonFlags"/>), so one tree, one .bazelrc.user
    /// and one output base serve every Python of the recipe.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RepoEnv(Recipe recipe) =>
        [.. AllRepoEnv(recipe).Where(kv => !RepoEnvFollowsPython(recipe, kv.Key))];

    /// <summary>
    /// The flags of one Python's build, on its command line as TensorFlow's CI passes them (ci/official/envs/macos_arm64:
    /// TFCI_BAZEL_COMMON_ARGS="--repo_env=HERMETIC_PYTHON_VERSION=$TFCI_PYTHON_VERSION ..."; docs/facts/TENSORFLOW.md section 2):
    /// the hermetic Python version and every repo-env/action-env value the recipe writes with {python}.
    /// </summary>
    public static IReadOnlyList<string> PythonFlags(Recipe recipe) =>
    [
        .. AllRepoEnv(recipe).Where(kv => RepoEnvFollowsPython(recipe, kv.Key)).Select(kv => $"--repo_env={kv.Key}={kv.Value}"),
        .. recipe.Bazel.ActionEnv.Where(kv => recipe.Templates.ActionEnvFollowsPython(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"--action_env={kv.Key}={kv.Value}"),
    ];

    private static bool RepoEnvFollowsPython(Recipe recipe, string name) =>
        recipe.Templates.RepoEnvFollowsPython(name) || (name == PythonVersionVariable && !recipe.Bazel.RepoEnv.ContainsKey(name));

    private const string PythonVersionVariable = "HERMETIC_PYTHON_VERSION";

    /// <summary>
    /// The recipe's repo-env plus what the wheel's tags need: the hermetic Python version (TF's
    /// third_party/py/python_repo.bzl reads it) and, for macOS, MACOSX_DEPLOYMENT_TARGET, which
    /// tf_wheel.bzl turns into the macosx_X_Y tag (docs/facts/TENSORFLOW.md section 3). The recipe's own values win.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> AllRepoEnv(Recipe recipe)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal) { [PythonVersionVariable] = recipe.Python };
        if (recipe.Target.Os == TargetOs.Macos && recipe.Target.MinOs is { } minOs)
        {
            env["MACOSX_DEPLOYMENT_TARGET"] = minOs;
        }

        foreach (var (name, value) in recipe.Bazel.RepoEnv)
        {
            env[name] = value;
        }

        return [.. env];
    }

    internal static void Line(StringBuilder text, params string[] words) =>
        text.Append("build").AppendJoin("", words.Select(w => " " + Quote(w))).Append('\n');

    /// <summary>Bazel splits rc lines like a shell; quote only words that need it (spaces, quotes, backslashes, '#').</summary>
    internal static string Quote(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '#')
            ? word
            : "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void AppendRemote(StringBuilder text, RemoteSettings remote)
    {
        if (!string.IsNullOrEmpty(remote.Cache))
        {
            Line(text, "--remote_cache=" + remote.Cache);
        }

        if (!string.IsNullOrEmpty(remote.Executor))
        {
            Line(text, "--remote_executor=" + remote.Executor);
        }

        if (!string.IsNullOrEmpty(remote.InstanceName))
        {
            Line(text, "--remote_instance_name=" + remote.InstanceName);
        }

        if (remote.Enabled)
        {
            Line(text, "--remote_download_outputs=" + remote.Download.ToString().ToLowerInvariant());
        }
    }

    private static string ExpandHome(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;
}
