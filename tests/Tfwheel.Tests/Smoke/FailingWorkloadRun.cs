using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Smoke;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Smoke;

/// <summary>
/// One smoke run of the workloads in tests/fixtures/smoke-workloads/ (each ends a different way, for
/// real), under recipe MLIR settings that turn everything on; shared by the classification tests.
/// </summary>
public sealed class FailingWorkloadRun : IAsyncLifetime
{
    public static readonly string[] Names =
        ["sigill", "sigsegv", "sigbus", "mlir-abort", "wrong-number", "hang", "missing-module", "wrong-arch", "raises", "env-report"];

    // Long enough for a loaded machine to start Python; the hang workload costs this much once.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _root = new("tfwheel-smoke-test-");

    public TestLog Log { get; } = new();

    public string Artifacts => _root.Combine("artifacts", "test-recipe");

    public SmokeReport Report { get; private set; } = null!;

    public WorkloadResult this[string name] => Report.Workloads.Single(w => w.Name == name);

    public async Task InitializeAsync()
    {
        var wheel = TestWheel.Build(SmokeTestPaths.TestDouble, _root.Combine("dist"), TestWheel.HostPlatformTag());
        var request = new SmokeRequest(wheel, SmokeTestPaths.Python, Names.Select(n => Path.Combine(SmokeTestPaths.FailingWorkloads, n + ".py")).ToList(), Artifacts)
        {
            Timeout = Timeout,
            PipArgs = ["--no-index", "--no-deps"],
            SystemSitePackages = true,
            Mlir = new MlirSettings { Bridge = MlirBridge.Enabled, XlaFlags = ["--tf_xla_auto_jit=2"], CrashReproducers = true, DumpGraphs = true },
        };
        Report = await new SmokeRunner(new ProcessGateway(Log), Log, HostPlatform.Current).RunAsync(request);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
