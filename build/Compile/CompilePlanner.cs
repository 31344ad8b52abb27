using System.Collections.Immutable;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Compile;

/// <summary>
/// Turns a recipe into the exact commands and files of Configure and Compile. Pure: Plan prints the
/// result and the runners (<see cref="TreeConfigurer"/>, <see cref="WheelCompiler"/>) execute these
/// same records. Fetch and Patch are planned by Source's <c>SourcePlanner</c>.
/// </summary>
public static class CompilePlanner
{
    public const string PipPackage = "//tensorflow/tools/pip_package";
    public const string BuildEventFileName = "bazel-events.json";
    public const string LogFileName = "bazel.log";

    /// <summary>Bazel's JSON trace profile (--profile; gzipped by the .gz name), the Report target's timeline.</summary>
    public const string ProfileFileName = "bazel-profile.json.gz";

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
            // TF >= 2.17 names the wheel from this repo env (docs/facts/TENSORFLOW.md section 3).
            options.Add("--repo_env=WHEEL_NAME=" + recipe.Wheel.Name);
        }

        // One tree serves every Python of the recipe: what follows the Python is on this build's command line.
        options.AddRange(BazelrcUser.PythonFlags(recipe));
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
}

/// <summary>What Configure runs and writes: the bazel version query, configure.py, and .bazelrc.user (with its full content).</summary>
public sealed record ConfigurePlan(PlannedStep BazelVersion, PlannedStep ConfigurePy, PlannedStep WriteBazelrcUser)
{
    public IReadOnlyList<PlannedStep> Steps => [BazelVersion, ConfigurePy, WriteBazelrcUser];
}
