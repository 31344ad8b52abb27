using System.Collections.Immutable;
using Tfwheel.Planning;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Source;

namespace Tfwheel.Bazel;

/// <summary>
/// Turns a recipe into the exact commands and files of Fetch, Patch, Configure and Compile. Pure: Plan
/// prints the result and the runners (<see cref="SourceFetcher"/>, <see cref="PatchSeries"/>,
/// <see cref="TreeConfigurer"/>, <see cref="WheelCompiler"/>) execute these same records.
/// </summary>
public static class CompilePlanner
{
    public const string PipPackage = "//tensorflow/tools/pip_package";
    public const string BuildEventFileName = "bazel-events.json";
    public const string LogFileName = "bazel.log";

    /// <summary>Bazel's JSON trace profile (--profile; gzipped by the .gz name), the Report target's timeline.</summary>
    public const string ProfileFileName = "bazel-profile.json.gz";

    /// <summary>git must never prompt (no terminal, no credentials) and must speak English, because conflict reports are parsed.</summary>
    internal static readonly ImmutableSortedDictionary<string, string> GitEnv =
        ImmutableSortedDictionary.CreateRange<string, string>(StringComparer.Ordinal, [new("GIT_TERMINAL_PROMPT", "0"), new("LC_ALL", "C")]);

    public static BuildPlan Plan(Recipe recipe, BuildPaths paths, CompileHost host) =>
        new(PlanFetch(recipe, paths), PlanPatches(recipe, paths), PlanConfigure(recipe, paths, host), PlanCompile(recipe, paths));

    public static FetchPlan PlanFetch(Recipe recipe, BuildPaths paths)
    {
        var tree = paths.Source;
        var repository = SourceFetcher.ResolveRepository(recipe.Tensorflow.Repository, paths.Root);
        return new FetchPlan(
            tree,
            Git("fetch", "Create an empty repository for the TensorFlow tree (only when there is no clone yet)", ["init", "--quiet", tree], null),
            Git("fetch", "Point the tree's origin at tensorflow.repository", ["config", "remote.origin.url", repository], tree),
            // A shallow fetch of just the ref: TensorFlow's full history is several GB. --end-of-options
            // keeps a ref that starts with '-' from being read as an option.
            Git("fetch", $"Fetch {recipe.Tensorflow.Ref} (depth 1)", ["fetch", "--depth=1", "--no-tags", "--end-of-options", "origin", recipe.Tensorflow.Ref], tree),
            Git("fetch", recipe.Tensorflow.Commit is { } pin ? $"Resolve the fetched commit and check it is the pinned {pin}" : "Resolve the fetched commit",
                ["rev-parse", "--verify", "FETCH_HEAD^{commit}"], tree),
            Git("fetch", "Refuse local changes that tfwheel's patch series did not make",
                ["status", "--porcelain=v1", "--untracked-files=all", "--", ".", .. GitTree.GeneratedPathspecs], tree),
            Git("fetch", "Drop files our patches added (only when a patched tree moves to another commit or patch list)", ["clean", "-d", "--force", "--quiet"], tree),
            Git("fetch", "Check out the fetched commit (only when the tree is elsewhere or holds another patch list)", ["checkout", "--quiet", "--force", "--detach", "FETCH_HEAD"], tree));
    }

    public static IReadOnlyList<PatchStep> PlanPatches(Recipe recipe, BuildPaths paths) =>
        recipe.Patches.Select(patch => new PatchStep(
            patch,
            Git("patch", $"Check that {Path.GetFileName(patch)} applies", ["apply", "--check", patch], paths.Source),
            Git("patch", $"If not, check whether {Path.GetFileName(patch)} is already applied (then skip it)", ["apply", "--check", "--reverse", patch], paths.Source),
            Git("patch", $"Apply {Path.GetFileName(patch)}", ["apply", patch], paths.Source))).ToList();

    public static ConfigurePlan PlanConfigure(Recipe recipe, BuildPaths paths, CompileHost host)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in recipe.Configure.Env)
        {
            env[name] = value;
        }

        env.TryAdd("PYTHON_BIN_PATH", host.Python);
        var bazelrcUser = Path.Combine(paths.Source, BazelrcUser.FileName);
        return new ConfigurePlan(
            new PlannedStep("configure", "Ask bazel for its version (checked against .bazelversion and bazel.version)")
            {
                Argv = [recipe.Bazel.Executable, "--version"],
                Cwd = paths.Source,
            },
            new PlannedStep("configure", $"Run configure.py non-interactively (stdin closed, {recipe.Configure.TimeoutSeconds} s timeout)")
            {
                Argv = [env["PYTHON_BIN_PATH"], "configure.py"],
                Cwd = paths.Source,
                Env = env.ToImmutableSortedDictionary(StringComparer.Ordinal),
            },
            new PlannedStep("configure", "Write .bazelrc.user (TensorFlow's .bazelrc try-imports it)")
            {
                Files = ImmutableSortedDictionary.CreateRange<string, string>(StringComparer.Ordinal, [new(bazelrcUser, BazelrcUser.Render(recipe, host.Home))]),
            });
    }

    public static CompilePlan PlanCompile(Recipe recipe, BuildPaths paths)
    {
        var bep = Path.Combine(paths.Artifacts, BuildEventFileName);
        var options = new List<string> { "--build_event_json_file=" + bep, "--profile=" + Path.Combine(paths.Artifacts, ProfileFileName) };
        var wheelTarget = recipe.Tensorflow.UsesWheelTarget;
        if (wheelTarget)
        {
            // TF >= 2.17 names the wheel from this repo env (TENSORFLOW.md section 3).
            options.Add("--repo_env=WHEEL_NAME=" + recipe.Wheel.Name);
        }

        var headers = new List<RemoteHeader>();
        foreach (var (name, variable) in recipe.Bazel.Remote.HeaderEnv.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var header = new RemoteHeader(name, variable, 1 + recipe.Bazel.StartupOptions.Count + 1 + options.Count);
            headers.Add(header);
            options.Add(header.Argument(Redactor.Mask));
        }

        var target = wheelTarget ? PipPackage + ":wheel" : PipPackage + ":build_pip_package";
        var invocation = new BazelInvocation(recipe.Bazel.Executable, recipe.Bazel.StartupOptions, "build", options, [target]);
        var build = new PlannedStep("compile", $"Build {target}") { Argv = invocation.Argv, Cwd = paths.Source };
        var packageDir = Path.Combine(paths.Artifacts, "pip_package");
        var package = wheelTarget ? null : new PlannedStep("compile", "Run the built build_pip_package script into an output folder")
        {
            Argv = [Path.Combine(paths.Source, "bazel-bin", "tensorflow", "tools", "pip_package", "build_pip_package"), packageDir, "--project_name", recipe.Wheel.Name],
            Cwd = paths.Source,
        };
        var wheelDir = wheelTarget ? Path.Combine(paths.Source, "bazel-bin", "tensorflow", "tools", "pip_package", "wheel_house") : packageDir;
        return new CompilePlan(invocation, build, package, headers, wheelDir, bep, Path.Combine(paths.Artifacts, LogFileName));
    }

    private static PlannedStep Git(string stage, string description, IReadOnlyList<string> args, string? tree) =>
        new(stage, description) { Argv = tree is null ? ["git", .. args] : ["git", "-C", tree, .. args], Env = GitEnv };
}
