using Tfwheel.Processes;
using Tfwheel.Recipes.Loading;
using Tfwheel.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tfwheel.Tests.Workflows;

/// <summary>
/// The GitHub workflows, checked two ways: by a real validator (@action-validator/cli, pinned, fetched by
/// tests/fixtures/npm/fetch-action-validator.sh) and by their logic: every job a tag push or a manual run
/// starts builds its recipe on a runner whose OS and CPU are the recipe's target.
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string Workflows = Path.Combine(ProjectFiles.Root, ".github", "workflows");
    private static readonly string WheelWorkflow = Path.Combine(Workflows, "wheel.yml");

    [Fact]
    public void A_tag_push_builds_the_release_recipes_each_on_a_runner_that_fits_its_target()
    {
        var jobs = WorkflowRuns.For(WheelWorkflow, "push", new Dictionary<string, string>());

        Assert.Equal(["linux-aarch64", "linux-x86_64", "macos-arm64", "macos-arm64-accelerate"], jobs.Select(j => j.Recipe).Order());
        AssertFits(jobs);
    }

    [Fact]
    public void A_manual_run_builds_only_the_named_recipe_on_its_runner_for_every_choice()
    {
        var choices = DispatchChoices(WheelWorkflow);
        Assert.NotEmpty(choices);

        foreach (var recipe in choices)
        {
            foreach (var publish in new[] { "false", "true" })
            {
                var jobs = WorkflowRuns.For(WheelWorkflow, "workflow_dispatch", new Dictionary<string, string> { ["recipe"] = recipe, ["publish"] = publish });

                var job = Assert.Single(jobs);
                Assert.Equal(recipe, job.Recipe);
                AssertFits(jobs);
            }
        }
    }

    [Fact]
    public void Every_dispatch_choice_is_a_built_in_recipe()
    {
        var builtIn = RecipeLoader.ListBuiltIn(Path.Combine(ProjectFiles.Root, "recipes")).Select(r => r.Name).ToHashSet();

        Assert.All(DispatchChoices(WheelWorkflow), choice => Assert.Contains(choice, builtIn));
    }

    [Fact]
    public void The_check_catches_a_manual_run_that_starts_every_matrix_runner()
    {
        // The workflow as it was before issue 16: RECIPE came from the input, runs-on from the matrix.
        var before = ProjectFiles.Fixture("workflows/wheel-matrix-dispatch.yml");

        var jobs = WorkflowRuns.For(before, "workflow_dispatch", new Dictionary<string, string> { ["recipe"] = "macos-arm64", ["publish"] = "false" });

        Assert.Equal(4, jobs.Count);
        Assert.Contains(jobs, j => j.Recipe == "macos-arm64" && j.Runner == "ubuntu-24.04-arm");
        Assert.NotEmpty(Misfits(jobs));
    }

    [Fact]
    public async Task Every_workflow_passes_action_validator()
    {
        foreach (var file in Directory.GetFiles(Workflows, "*.yml"))
        {
            var result = await ActionValidator.RunAsync(file);

            Assert.True(result.ExitCode == 0, $"action-validator {file}:\n{result.StandardOutput}\n{string.Join('\n', result.StandardErrorTail)}");
        }
    }

    [Fact]
    public async Task Action_validator_rejects_a_job_with_an_unknown_key()
    {
        using var dir = new TempDirectory("tfwheel-workflow-");
        var file = dir.Combine("broken.yml");
        await File.WriteAllTextAsync(file, File.ReadAllText(Path.Combine(Workflows, "ci.yml")).Replace("runs-on:", "runs_on:", StringComparison.Ordinal));

        var result = await ActionValidator.RunAsync(file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("runs_on", result.StandardOutput + string.Join('\n', result.StandardErrorTail));
    }

    private static List<string> DispatchChoices(string workflow) =>
        (WorkflowRuns.Get(WorkflowRuns.Load(workflow), "on", "workflow_dispatch", "inputs", "recipe", "options") as YamlSequenceNode)?
            .Children.Select(c => ((YamlScalarNode)c).Value!).ToList() ?? [];

    private static void AssertFits(IReadOnlyList<JobInstance> jobs)
    {
        var misfits = Misfits(jobs);
        Assert.True(misfits.Count == 0, string.Join("\n", misfits));
    }

    private static List<string> Misfits(IReadOnlyList<JobInstance> jobs)
    {
        var recipes = Path.Combine(ProjectFiles.Root, "recipes");
        return jobs
            .Select(j => (j, why: RunnerLabels.Misfit(j.Runner, RecipeLoader.Load(j.Recipe, [], recipes).Target)))
            .Where(x => x.why is not null)
            .Select(x => $"job {x.j.Job} builds {x.j.Recipe}: {x.why}")
            .ToList();
    }
}

/// <summary>@action-validator/cli 0.6.0 under node, from the test cache (tests/fixtures/npm/fetch-action-validator.sh).</summary>
internal static class ActionValidator
{
    public static async Task<ProcessResult> RunAsync(string workflow)
    {
        var node = RequiredTool.Find("node", "apt-get install nodejs");
        var cli = Path.Combine(TestCache.Root, "action-validator", "node_modules", "@action-validator", "cli", "cli.mjs");
        if (!File.Exists(cli))
        {
            throw RequiredTool.Missing($"@action-validator/cli ({cli})", "tests/fixtures/npm/fetch-action-validator.sh");
        }

        var spec = new ProcessSpec(node, [cli, workflow])
        {
            WorkingDirectory = ProjectFiles.Root, // it resolves hashFiles() globs against the checkout
            Echo = false,
            StreamOutput = false,
            Timeout = TimeSpan.FromMinutes(1),
            Environment = new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0" },
        };
        return await new ProcessGateway(new TestLog()).RunAsync(spec);
    }
}
