using Tfwheel.Recipes;
using Tfwheel.Smoke;

namespace Tfwheel.Tests.Smoke;

public class SmokeEnvironmentTests
{
    private const string Artifacts = "/work/artifacts/macos-arm64";

    [Fact]
    public void Default_settings_set_only_the_crash_reproducer_directory_in_artifacts()
    {
        var env = SmokeEnvironment.For(new MlirSettings(), Artifacts);
        Assert.Equal(new Dictionary<string, string> { ["MLIR_CRASH_REPRODUCER_DIRECTORY"] = "/work/artifacts/macos-arm64/mlir-reproducers" }, env);
    }

    [Fact]
    public void An_enabled_bridge_comes_first_in_TF_XLA_FLAGS_followed_by_the_recipes_flags()
    {
        var mlir = new MlirSettings { Bridge = MlirBridge.Enabled, XlaFlags = ["--tf_xla_auto_jit=2", "--tf_mlir_enable_strict_clusters=true"] };
        var env = SmokeEnvironment.For(mlir, Artifacts);
        Assert.Equal("--tf_mlir_enable_mlir_bridge=true --tf_xla_auto_jit=2 --tf_mlir_enable_strict_clusters=true", env["TF_XLA_FLAGS"]);
    }

    [Fact]
    public void A_disabled_bridge_is_passed_as_false()
    {
        var env = SmokeEnvironment.For(new MlirSettings { Bridge = MlirBridge.Disabled }, Artifacts);
        Assert.Equal("--tf_mlir_enable_mlir_bridge=false", env["TF_XLA_FLAGS"]);
    }

    [Fact]
    public void Graph_dumps_without_reproducers_set_only_the_dump_prefix()
    {
        var env = SmokeEnvironment.For(new MlirSettings { CrashReproducers = false, DumpGraphs = true }, Artifacts);
        Assert.Equal(new Dictionary<string, string> { ["TF_DUMP_GRAPH_PREFIX"] = "/work/artifacts/macos-arm64/mlir-dumps" }, env);
    }

    [Fact]
    public void Variables_come_sorted_by_name()
    {
        var env = SmokeEnvironment.For(new MlirSettings { Bridge = MlirBridge.Enabled, DumpGraphs = true }, Artifacts);
        Assert.Equal(["MLIR_CRASH_REPRODUCER_DIRECTORY", "TF_DUMP_GRAPH_PREFIX", "TF_XLA_FLAGS"], env.Keys);
    }
}
