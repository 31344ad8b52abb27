using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Frosting.Conformance;

/// <summary>
/// Programs/Lifetimes.cs: run and task lifetimes, a reverse dependency, ShouldRun from an argument,
/// OnError/Finally, [ContinueOnError], a nested task, and a task for another context.
/// </summary>
public sealed class LifetimesBuildTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-frosting-lifetimes-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_default_target_runs_in_dependency_order_inside_the_lifetimes_and_skips_lint()
    {
        var run = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path);

        Assert.True(run.ExitCode == 0, run.Output);
        // Lint is a dependency of Build through its [IsDependeeOf] (registered before Build, so first): skipped
        // by its ShouldRun, but the task lifetime still wraps it, as the Cake engine does.
        Assert.Equal(
            ["setup", "arg target=Default",
             "before Lint", "after Lint", "before Restore", "Restore", "after Restore", "before Build", "Build", "after Build",
             "before Test", "Test", "after Test", "before Default", "after Default", "teardown True"],
            run.Trace);
    }

    [Fact]
    public async Task An_argument_makes_the_reverse_dependency_run_before_the_task_it_names()
    {
        var run = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--lint", "--target=Build");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["Lint", "Restore", "Build"], run.Trace.Where(t => t is "Restore" or "Lint" or "Build"));
    }

    [Fact]
    public async Task Host_options_stay_out_of_the_arguments_and_target_is_always_there()
    {
        var run = await ConformancePrograms.RunAsync(
            "Lifetimes", _dir.Path, "--target=Test", "--exclusive", "--verbosity=normal", "--lint", "--colour", "red", "--colour=blue");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            ["setup", "arg colour=red|blue", "arg lint=<none>", "arg target=Test", "before Test", "Test", "after Test", "teardown True"],
            run.Trace);
    }

    [Fact]
    public async Task A_failing_task_runs_its_finally_and_the_teardown_and_fails_the_run()
    {
        var run = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--target=Broken");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["setup", "arg target=Broken", "before Broken", "Finally Broken", "after Broken", "teardown False"], run.Trace);
        Assert.Contains("broken for good", run.Output);
    }

    [Fact]
    public async Task An_error_handled_by_on_error_is_passed_to_it_and_the_run_succeeds_as_in_cake_frosting()
    {
        var run = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--target=Flaky");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["setup", "arg target=Flaky", "before Flaky", "OnError flaky failed", "Finally Flaky", "after Flaky", "teardown True"], run.Trace);
    }

    [Fact]
    public async Task A_continue_on_error_task_fails_without_stopping_the_run()
    {
        var run = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--target=AfterTolerant");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            ["setup", "arg target=AfterTolerant", "before Tolerant", "Finally Tolerant", "after Tolerant",
             "before AfterTolerant", "AfterTolerant", "after AfterTolerant", "teardown True"],
            run.Trace);
        Assert.Contains("An error occurred when executing task 'Tolerant'.", run.Output);
    }

    [Fact]
    public async Task A_task_for_another_context_is_left_out_with_a_warning_and_a_nested_task_class_is_found()
    {
        var nested = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--target=Nested");
        var foreign = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--target=Foreign");

        Assert.True(nested.ExitCode == 0, nested.Output);
        Assert.Contains("Nested", nested.Trace);
        Assert.Contains("Task Foreign cannot be used since the context isn't convertible to Conformance.Lifetimes.OtherContext", nested.Output);
        Assert.NotEqual(0, foreign.ExitCode);
        Assert.DoesNotContain("Foreign", foreign.Trace);
    }

    [Fact]
    public async Task A_dry_run_lists_the_tasks_in_order_runs_the_lifetime_but_no_task()
    {
        var run = await ConformancePrograms.RunAsync("Lifetimes", _dir.Path, "--dryrun", "--lint");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Performing dry run...", run.StandardOutput);
        Assert.Contains("This was a dry run.", run.StandardOutput);
        var steps = run.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+\. \w+$"));
        Assert.Equal(["1. Lint", "2. Restore", "3. Build", "4. Test", "5. Default"], steps);
        Assert.Equal(["setup", "arg lint=<none>", "arg target=Default", "teardown True"], run.Trace);
    }
}
