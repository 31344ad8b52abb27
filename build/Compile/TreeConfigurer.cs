using System.Diagnostics;
using Cake.Core.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Compile;

/// <summary>
/// Configure: fails fast on a host that cannot build the target, a bazel of the wrong version or a
/// --config the tree does not define; runs configure.py non-interactively; writes .bazelrc.user.
/// </summary>
public static class TreeConfigurer
{
    public static async Task<ConfigureResult> ConfigureAsync(Recipe recipe, BuildPaths paths, CompileHost host, IProcessGateway gateway, ICakeLog log, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        HostRequirement.EnsureCanBuild(recipe, host.Platform);
        RemoteHeaders.Resolve(CompilePlanner.PlanCompile(recipe, paths).Headers, "Configure"); // fail now, not after configure.py
        var plan = CompilePlanner.PlanConfigure(recipe, paths, host);
        var version = await CheckBazelVersionAsync(recipe, paths, plan, gateway, log, ct);

        var spec = StepProcess.ToSpec(plan.ConfigurePy) with
        {
            Timeout = TimeSpan.FromSeconds(recipe.Configure.TimeoutSeconds),
            StandardInput = null, // stdin closed: a question configure.py did not get an answer for fails instead of waiting
        };
        var result = await gateway.RunAsync(spec, cancellation: ct);
        var configureLog = Path.Combine(paths.Artifacts, "configure.log");
        await AtomicFile.WriteAllTextAsync(configureLog, result.StandardOutput + string.Join('\n', result.StandardErrorTail) + "\n", ct);
        result.EnsureSuccess(
            $"configure.py needs an answer for every question: set the variables it asks about in the recipe's configure.env " +
            $"(TF_NEED_CUDA, TF_NEED_CLANG, CC_OPT_FLAGS, ...). Its output is in {configureLog}.");

        CheckConfigs(recipe, paths);
        var (file, content) = plan.WriteBazelrcUser.Files.Single();
        await AtomicFile.WriteAllTextAsync(file, content, ct);
        log.InfoText($"Configure: wrote {file}");
        return new ConfigureResult(version, file, configureLog, watch.Elapsed);
    }

    private static async Task<string?> CheckBazelVersionAsync(Recipe recipe, BuildPaths paths, ConfigurePlan plan, IProcessGateway gateway, ICakeLog log, CancellationToken ct)
    {
        var versionFile = Path.Combine(paths.Source, ".bazelversion");
        var treeWants = File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : null;
        if (treeWants is not null && recipe.Bazel.Version is { } recipeWants && !BazelVersionCheck.Matches(recipeWants, treeWants))
        {
            throw new HostException(
                $"Configure: the recipe wants bazel {recipeWants} (bazel.version) but the tree's .bazelversion says {treeWants}. " +
                "Set bazel.version to the tree's version (TensorFlow is tested with that one) or remove it to follow the tree.");
        }

        var output = (await StepProcess.RunAsync(plan.BazelVersion, gateway, ct, quiet: true))
            .EnsureSuccess("Install bazel or bazelisk (bazel.executable names the program).").StandardOutput;
        var actual = BazelVersionCheck.Parse(output);
        var wanted = recipe.Bazel.Version ?? treeWants;
        if (actual is null)
        {
            log.WarningText($"Configure: '{recipe.Bazel.Executable} --version' printed '{output.Trim()}', which names no version; cannot check it against {wanted ?? "the tree"}. Continuing.");
        }
        else if (wanted is not null && !BazelVersionCheck.Matches(wanted, actual))
        {
            throw new HostException(
                $"Configure: {recipe.Bazel.Executable} is bazel {actual}, but {(recipe.Bazel.Version is null ? ".bazelversion" : "bazel.version")} asks for {wanted}. " +
                "Use bazelisk (it reads .bazelversion), or install that bazel and point bazel.executable at it.");
        }

        Compile.Bazel4RemoteDownload.EnsureExplained(recipe, actual ?? treeWants, actual is null ? "from .bazelversion" : $"'{recipe.Bazel.Executable} --version'");
        return actual;
    }

    private static void CheckConfigs(Recipe recipe, BuildPaths paths)
    {
        var rc = BazelrcScanner.Scan(paths.Source);
        var missing = recipe.Bazel.Configs.Where(c => !rc.Defines(c)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var searched = string.Join(", ", rc.Files.Select(f => f.Exists ? f.Path : f.Path + " (missing)"));
        throw new StepFailedException(
            $"Configure: bazel.configs names {string.Join(", ", missing.Select(c => $"'{c}'"))}, but no 'build:{missing[0]}' or 'common:{missing[0]}' " +
            $"line defines it in the tree's bazelrc files ({searched}). Fix the name (see 'grep build: .bazelrc' in the tree) or use a ref that has it.",
            ExitCodes.Recipe);
    }
}

/// <summary>What Configure found and wrote.</summary>
/// <param name="BazelVersion">What `bazel --version` reported, or null for an unstamped bazel ("no_version").</param>
/// <param name="ConfigureLog">configure.py's output, kept in artifacts.</param>
public sealed record ConfigureResult(string? BazelVersion, string BazelrcUser, string ConfigureLog, TimeSpan Duration);
