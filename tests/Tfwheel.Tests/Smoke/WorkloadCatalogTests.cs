using Tfwheel.Errors;
using Tfwheel.Smoke;

namespace Tfwheel.Tests.Smoke;

public class WorkloadCatalogTests
{
    private static readonly string Shipped = Path.Combine(SmokeTestPaths.RepositoryRoot, "build", "Smoke", "workloads");

    [Fact]
    public void No_names_means_every_built_in_workload_with_its_arguments()
    {
        var workloads = WorkloadCatalog.Resolve([], "tf-standard-pipeline", "arm64", Shipped);

        Assert.Equal(["build-info", "add", "matmul", "trig", "conv2d", "mlir-pipeline", "xla-jit"], workloads.Select(w => w.Name));
        Assert.All(workloads, w => Assert.Equal(Path.Combine(Shipped, w.Name + ".py"), w.ScriptPath));
        Assert.Equal(["--expect-arch", "arm64"], workloads[0].Arguments);
        Assert.Equal(["--pipeline", "tf-standard-pipeline"], workloads[5].Arguments);
        Assert.All(workloads.Where(w => w.Name is not ("build-info" or "mlir-pipeline")), w => Assert.Empty(w.Arguments));
    }

    [Fact]
    public void Every_built_in_workload_ships_next_to_the_binary()
    {
        Assert.All(WorkloadCatalog.BuiltIn, name => Assert.True(File.Exists(Path.Combine(WorkloadCatalog.DefaultDirectory, name + ".py")), name));
    }

    [Fact]
    public void Build_info_gets_no_expected_arch_when_the_wheel_does_not_say()
    {
        var workload = Assert.Single(WorkloadCatalog.Resolve(["build-info"], "tf-standard-pipeline", null, Shipped));
        Assert.Empty(workload.Arguments);
    }

    [Fact]
    public void A_recipes_own_file_is_named_after_it_and_gets_no_arguments()
    {
        var path = Path.Combine(SmokeTestPaths.FailingWorkloads, "env-report.py");
        var workload = Assert.Single(WorkloadCatalog.Resolve([path, path], "p", "arm64", Shipped));
        Assert.Equal(new Workload("env-report", path, []), workload with { Arguments = [] });
        Assert.Empty(workload.Arguments);
    }

    [Fact]
    public void An_unknown_name_is_a_usage_error_listing_the_built_in_workloads()
    {
        var error = Assert.Throws<UsageException>(() => WorkloadCatalog.Resolve(["matmull"], "p", null, Shipped));
        Assert.Equal(
            "unknown smoke workload 'matmull': the built-in workloads are build-info, add, matmul, trig, conv2d, mlir-pipeline, xla-jit; a workload of your own is given by the path of its .py file",
            error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => WorkloadCatalog.Resolve(["/nonexistent/mine.py"], "p", null, Shipped));
        Assert.StartsWith("smoke workload '/nonexistent/mine.py' is not an existing .py file", error.Message, StringComparison.Ordinal);
    }
}
