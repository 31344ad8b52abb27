using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

/// <summary>
/// One smoke run of every shipped workload against the tensorflow test double, installed from a real
/// wheel into a real venv by real pip; shared by the tests that read its report.
/// </summary>
public sealed class ShippedWorkloadRun : IAsyncLifetime
{
    public const string Pipeline = "symbol-dce,tf-standard-pipeline{enable-inliner=true},func.func(canonicalize,cse)";

    private readonly TempDirectory _root = new("tfwheel-smoke-test-");

    public TestLog Log { get; } = new();

    public string Artifacts => _root.Combine("artifacts", "test-recipe");

    public SmokeRequest Request { get; private set; } = null!;

    public SmokeReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _root.Combine("dist"), TestWheel.HostPlatformTag());
        Request = new SmokeRequest(wheel, SmokeTestPaths.Python, [], Artifacts)
        {
            Timeout = TimeSpan.FromMinutes(2),
            PipArgs = ["--no-index", "--no-deps"],
            SystemSitePackages = true,
            Mlir = new MlirSettings { PassPipeline = Pipeline },
        };
        Report = await new SmokeRunner(new ProcessGateway(Log), Log, HostPlatform.Current).RunAsync(Request);
        SmokeJson.Write(Report, Path.Combine(Artifacts, BuildPaths.SmokeReportName("py3")));
        SmokeJUnit.Write(Report, Path.Combine(Artifacts, BuildPaths.SmokeJUnitName("py3")));
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
