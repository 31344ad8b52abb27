using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Verify;

/// <summary>
/// Real platform binaries from pinned npm packages, fetched by tests/fixtures/npm/fetch.sh into the
/// git-ignored tests/.cache/npm (CI runs it from .ci/run). A missing file fails the test loudly.
/// </summary>
internal static class NpmFixtures
{
    public static readonly string EsbuildDarwinArm64 = "esbuild__darwin-arm64/package/bin/esbuild";
    public static readonly string EsbuildDarwinX64 = "esbuild__darwin-x64/package/bin/esbuild";
    public static readonly string EsbuildLinuxArm64 = "esbuild__linux-arm64/package/bin/esbuild";
    public static readonly string RollupDarwinArm64 = "rollup__rollup-darwin-arm64/package/rollup.darwin-arm64.node";
    public static readonly string RollupDarwinX64 = "rollup__rollup-darwin-x64/package/rollup.darwin-x64.node";
    public static readonly string RollupLinuxX64 = "rollup__rollup-linux-x64-gnu/package/rollup.linux-x64-gnu.node";
    public static readonly string Fsevents = "fsevents/package/fsevents.node";
    public static readonly string OnnxDylibArm64 = "onnxruntime-node/package/bin/napi-v6/darwin/arm64/libonnxruntime.1.30.0.dylib";
    public static readonly string OnnxBindingArm64 = "onnxruntime-node/package/bin/napi-v6/darwin/arm64/onnxruntime_binding.node";
    public static readonly string OnnxBindingLinuxArm64 = "onnxruntime-node/package/bin/napi-v6/linux/arm64/onnxruntime_binding.node";
    public static readonly string OnnxSoArm64 = "onnxruntime-node/package/bin/napi-v6/linux/arm64/libonnxruntime.so.1";
    public static readonly string OnnxSoX64 = "onnxruntime-node/package/bin/napi-v6/linux/x64/libonnxruntime.so.1";

    public static IReadOnlyList<string> All =>
    [
        EsbuildDarwinArm64, EsbuildDarwinX64, EsbuildLinuxArm64, RollupDarwinArm64, RollupDarwinX64, RollupLinuxX64,
        Fsevents, OnnxDylibArm64, OnnxBindingArm64, OnnxBindingLinuxArm64, OnnxSoArm64, OnnxSoX64,
    ];

    /// <summary>The fixture's absolute path; throws with the remedy when the cache was not fetched.</summary>
    public static string PathOf(string relative)
    {
        var path = Path.Combine(TestCache.Root, "npm", relative);
        if (!File.Exists(path))
        {
            throw RequiredTool.Missing($"npm fixture {path}", "tests/fixtures/npm/fetch.sh");
        }

        return path;
    }

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));
}
