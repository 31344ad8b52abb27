using Tfwheel.Errors;

namespace Tfwheel.Tests.Frosting;

public class CakeHostTests
{
    [Fact]
    public void Default_target_runs_dependencies_in_order_inside_setup_and_teardown()
    {
        var (code, trace) = SampleHost.Run();

        Assert.Equal(0, code);
        Assert.Equal(
            ["setup", "before:Clean", "Clean", "after:Clean", "before:Lint", "after:Lint", "before:Compile", "Compile:plain", "after:Compile",
             "before:Test", "Test", "after:Test", "before:Default", "after:Default", "teardown:ok"],
            trace);
    }

    [Fact]
    public void Arbitrary_arguments_reach_the_context_and_should_run_criteria()
    {
        var (code, trace) = SampleHost.Run("--target=Compile", "--flavour=spicy", "--lint");

        Assert.Equal(0, code);
        Assert.Contains("Lint", trace);
        Assert.Contains("Compile:spicy", trace);
        Assert.DoesNotContain("Test", trace);
    }

    [Fact]
    public void Space_separated_values_and_short_target_option_are_understood()
    {
        var (code, trace) = SampleHost.Run("-t", "Compile", "--flavour", "mild");

        Assert.Equal(0, code);
        Assert.Contains("Compile:mild", trace);
    }

    [Fact]
    public void Exclusive_runs_the_target_without_its_dependencies()
    {
        var (code, trace) = SampleHost.Run("--target=Test", "--exclusive");

        Assert.Equal(0, code);
        Assert.Contains("Test", trace);
        Assert.DoesNotContain("Clean", trace);
        Assert.DoesNotContain("Compile:plain", trace);
    }

    [Fact]
    public void Dry_run_runs_no_task_body_and_no_setup()
    {
        var (code, trace) = SampleHost.Run("--target=Test", "--dryrun");

        Assert.Equal(0, code);
        Assert.Empty(trace);
    }

    [Fact]
    public void A_failing_task_keeps_its_cake_exit_code_and_runs_its_hooks_and_teardown()
    {
        var (code, trace) = SampleHost.Run("--target=Explode");

        Assert.Equal(42, code);
        Assert.Contains("Finally", trace);
        Assert.Equal("teardown:failed", trace[^1]);
    }

    [Fact]
    public void An_error_handled_by_on_error_is_reported_to_it_and_still_fails_the_run()
    {
        var (code, trace) = SampleHost.Run("--target=Recover");

        Assert.Contains("OnError:handled", trace);
        Assert.NotEqual(0, code);
    }

    [Fact]
    public void An_unknown_target_is_a_usage_error()
    {
        var (code, trace) = SampleHost.Run("--target=Nope");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(trace);
    }

    [Fact]
    public void A_positional_argument_is_a_usage_error()
    {
        var (code, _) = SampleHost.Run("Compile");

        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void A_bad_verbosity_is_a_usage_error()
    {
        var (code, _) = SampleHost.Run("--verbosity=loud");

        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void Tree_and_description_show_tasks_without_running_them()
    {
        Assert.Equal((0, Array.Empty<string>()), (SampleHost.Run("--tree").ExitCode, SampleHost.Run("--tree").Trace.ToArray()));
        Assert.Equal(0, SampleHost.Run("--description").ExitCode);
        Assert.Empty(SampleHost.Run("--description").Trace);
    }

    [Fact]
    public void A_missing_working_directory_is_a_usage_error()
    {
        var (code, _) = SampleHost.Run("--working=/definitely/not/here");

        Assert.Equal(ExitCodes.Usage, code);
    }
}
