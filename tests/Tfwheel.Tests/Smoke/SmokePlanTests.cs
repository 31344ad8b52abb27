using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Smoke;

namespace Tfwheel.Tests.Smoke;

public class SmokePlanTests
{
    private const string Venv = "/tmp/tfwheel-smoke-x";

    private static readonly SmokeRequest Request = new("/a/tensorflow-2.18.0-cp312-cp312-macosx_12_0_arm64.whl", "python3.12", [], "/a/artifacts")
    {
        PipArgs = ["--no-index", "--find-links", "/wheels"],
        Timeout = TimeSpan.FromSeconds(90),
        Mlir = new MlirSettings { Bridge = MlirBridge.Enabled },
    };

    [Fact]
    public void The_venv_is_made_by_the_requested_python()
    {
        Assert.Equal(["python3.12", "-m", "venv", Venv], SmokePlan.CreateVenv(Request, Venv));
        Assert.Equal(["python3.12", "-m", "venv", "--system-site-packages", Venv], SmokePlan.CreateVenv(Request with { SystemSitePackages = true }, Venv));
    }

    [Fact]
    public void The_wheel_is_installed_by_the_venvs_pip_with_the_recipes_pip_args_before_it()
    {
        Assert.Equal(
            ["/tmp/tfwheel-smoke-x/bin/python", "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--no-index", "--find-links", "/wheels", Request.Wheel],
            SmokePlan.InstallWheel(Request, Venv));
    }

    [Fact]
    public void A_workload_runs_unbuffered_with_faulthandler_and_its_arguments()
    {
        var workload = new Workload("mlir-pipeline", "/b/mlir-pipeline.py", ["--pipeline", "tf-standard-pipeline"]);
        Assert.Equal(
            ["/tmp/tfwheel-smoke-x/bin/python", "-X", "faulthandler", "-u", "/b/mlir-pipeline.py", "--pipeline", "tf-standard-pipeline"],
            SmokePlan.RunWorkload(Venv, workload));
    }

    [Fact]
    public void Plan_shows_the_venv_the_install_and_each_workload_with_its_environment()
    {
        var workloads = new[] { new Workload("add", "/b/add.py", []) };
        var steps = SmokePlan.Steps(Request, Venv, workloads);

        Assert.Equal(3, steps.Count);
        Assert.Equal(SmokePlan.CreateVenv(Request, Venv), steps[0].Argv);
        Assert.Equal(SmokePlan.InstallWheel(Request, Venv), steps[1].Argv);
        Assert.Equal(SmokePlan.RunWorkload(Venv, workloads[0]), steps[2].Argv);
        Assert.Equal("workload add in its own process, killed after 90 s", steps[2].Description);
        Assert.Equal(SmokeEnvironment.For(Request.Mlir, Request.ArtifactsDirectory), steps[2].Env);
    }

    [Fact]
    public void Plan_resolves_the_workloads_as_the_runner_does_in_a_placeholder_venv()
    {
        var request = Request with { Workloads = ["build-info", "add"], WorkloadDirectory = Path.Combine(SmokeTestPaths.RepositoryRoot, "build", "Smoke", "workloads") };
        var steps = SmokePlan.Steps(request);

        Assert.Equal(["python3.12", "-m", "venv", "$TMPDIR/tfwheel-smoke-XXXXXX"], steps[0].Argv);
        Assert.Equal(
            ["$TMPDIR/tfwheel-smoke-XXXXXX/bin/python", "-X", "faulthandler", "-u", Path.Combine(request.WorkloadDirectory, "build-info.py"), "--expect-arch", "arm64"],
            steps[2].Argv);
        Assert.Equal(4, steps.Count);
    }

    [Theory]
    [InlineData("3.12", "python3.12")]
    [InlineData("3", "python3")]
    [InlineData("/opt/homebrew/bin/python3.12", "/opt/homebrew/bin/python3.12")]
    [InlineData("python3.11", "python3.11")]
    public void The_recipes_python_version_names_the_interpreter_and_a_path_is_used_as_given(string python, string executable) =>
        Assert.Equal(executable, SmokeRequest.PythonExecutable(python));

    [Fact]
    public void A_recipe_gives_the_request_its_python_workloads_timeout_pip_args_mlir_and_arch()
    {
        var recipe = new Recipe
        {
            Name = "macos-arm64",
            Tensorflow = new TensorflowSource("https://example.invalid/tf.git", "v2.18.0", null, "2.18.0"),
            Python = "3.12",
            Target = new TargetPlatform(TargetOs.Macos, TargetArch.Arm64, "12.0"),
            Mlir = new MlirSettings { DumpGraphs = true },
            Smoke = new SmokeSettings { Workloads = ["add"], TimeoutSeconds = 60, PipArgs = ["--no-index"] },
        };

        var request = SmokeRequest.For(recipe, "/a/x.whl", "/a/artifacts/macos-arm64");

        Assert.Equal(("/a/x.whl", "python3.12", "/a/artifacts/macos-arm64", "arm64"), (request.Wheel, request.Python, request.ArtifactsDirectory, request.TargetArch));
        Assert.Equal(["add"], request.Workloads);
        Assert.Equal(["--no-index"], request.PipArgs);
        Assert.Equal(TimeSpan.FromSeconds(60), request.Timeout);
        Assert.Same(recipe.Mlir, request.Mlir);
        Assert.False(request.SystemSitePackages);
    }
}
