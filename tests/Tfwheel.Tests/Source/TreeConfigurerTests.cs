using System.Collections.Immutable;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Source;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Source;

public class TreeConfigurerTests
{
    [Fact]
    public async Task Configure_runs_configure_py_and_writes_the_planned_bazelrc_user_and_warns_about_an_unversioned_bazel()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var (recipe, paths, log) = await FetchedAsync(ws);
        var host = CompileHost.Current();

        var result = await TreeConfigurer.ConfigureAsync(recipe, paths, host, new ProcessGateway(log), log, CancellationToken.None);

        var planned = CompilePlanner.PlanConfigure(recipe, paths, host).WriteBazelrcUser.Files.Single();
        Assert.Equal(planned.Key, result.BazelrcUser);
        Assert.Equal(planned.Value, File.ReadAllText(result.BazelrcUser));
        var tfConfigure = File.ReadAllText(Path.Combine(paths.Source, ".tf_configure.bazelrc"));
        Assert.Contains("build --define=with_xla_support=true", tfConfigure);
        Assert.True(Path.IsPathRooted(host.Python));
        Assert.Contains($"build --action_env PYTHON_BIN_PATH=\"{host.Python}\"", tfConfigure);
        Assert.Contains("Configuration finished", File.ReadAllText(result.ConfigureLog));
        // Debian's bazel-bootstrap prints "bazel no_version": a warning, not a failure.
        Assert.Null(result.BazelVersion);
        Assert.Contains(log.Warnings, w => w.Contains("no_version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_macos_recipe_on_linux_fails_fast_and_says_where_it_can_run()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var (recipe, paths, log) = await FetchedAsync(ws);
        recipe = recipe with { Name = "macos-arm64", Target = new TargetPlatform(TargetOs.Macos, TargetArch.Arm64, "12.0") };
        var linux = CompileHost.Current() with { Platform = new HostPlatform("linux", "x86_64") };

        var e = await Assert.ThrowsAsync<HostException>(() => TreeConfigurer.ConfigureAsync(recipe, paths, linux, new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("Apple-silicon Mac", e.Message);
        Assert.Contains("macos-14", e.Message);
        Assert.False(File.Exists(Path.Combine(paths.Source, ".tf_configure.bazelrc"))); // nothing ran
    }

    [Fact]
    public async Task A_missing_config_is_named_with_the_bazelrc_files_searched_through_imports()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var (recipe, paths, log) = await FetchedAsync(ws);
        recipe = recipe with { Bazel = recipe.Bazel with { Configs = ["imported_config", "configured_by_configure_py", "release_macos_arm46"] } };

        var e = await Assert.ThrowsAsync<StepFailedException>(() => TreeConfigurer.ConfigureAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None));

        Assert.Equal(ExitCodes.Recipe, e.ExitCode);
        Assert.Contains("'release_macos_arm46'", e.Message);
        Assert.DoesNotContain("'imported_config'", e.Message);
        Assert.Contains(Path.Combine(paths.Source, ".bazelrc"), e.Message);
        Assert.Contains(Path.Combine(paths.Source, "tools", "bazel_configs.bazelrc"), e.Message);
        Assert.Contains(Path.Combine(paths.Source, ".bazelrc.user") + " (missing)", e.Message);
    }

    [Fact]
    public async Task Configure_py_waiting_for_an_answer_fails_instead_of_hanging_and_says_which_env_to_set()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var (recipe, paths, log) = await FetchedAsync(ws);
        recipe = recipe with { Configure = recipe.Configure with { Env = ImmutableSortedDictionary<string, string>.Empty } };

        var e = await Assert.ThrowsAsync<ProcessFailedException>(() => TreeConfigurer.ConfigureAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("EOFError", e.Message);
        Assert.Contains("configure.env", e.Message);
    }

    [Fact]
    public async Task A_recipe_bazel_version_that_contradicts_bazelversion_is_refused()
    {
        await using var ws = await TfShapedWorkspace.CreateAsync();
        var (recipe, paths, log) = await FetchedAsync(ws);
        recipe = recipe with { Bazel = recipe.Bazel with { Version = "6.5.0" } };

        var e = await Assert.ThrowsAsync<HostException>(() => TreeConfigurer.ConfigureAsync(recipe, paths, CompileHost.Current(), new ProcessGateway(log), log, CancellationToken.None));

        Assert.Contains("bazel 6.5.0", e.Message);
        Assert.Contains(".bazelversion says 4", e.Message);
    }

    private static async Task<(Recipe Recipe, BuildPaths Paths, TestLog Log)> FetchedAsync(TfShapedWorkspace ws)
    {
        var log = new TestLog();
        var recipe = ws.Recipe();
        var paths = ws.Paths(recipe);
        await SourceFetcher.FetchAsync(recipe, paths, new ProcessGateway(log), log, CancellationToken.None);
        return (recipe, paths, log);
    }
}
