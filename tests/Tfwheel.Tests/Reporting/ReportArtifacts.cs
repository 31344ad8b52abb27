using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Reporting;

/// <summary>
/// A scratch project whose artifacts/linux-x86_64/ holds what a TensorFlow-sized build leaves: a Bazel
/// profile of thousands of actions, verify-cp312.json, smoke-cp312.json and manifest.json in the shapes tfwheel writes
/// them, with hostile names where a wheel or a profile could carry them.
/// </summary>
internal sealed class ReportArtifacts : IDisposable
{
    public const string Recipe = "linux-x86_64";
    public const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    private readonly TempDirectory _dir = new("tfwheel-report-");

    public ReportArtifacts(bool withResults = true, int compiles = 3000)
    {
        TfwheelProcess.CopyBuiltInRecipes(Root);
        Directory.CreateDirectory(Artifacts);
        if (!withResults)
        {
            return;
        }

        SyntheticProfile.Write(Path.Combine(Artifacts, "bazel-profile.json.gz"), compiles, workers: 8, hostileName: "Compiling " + Hostile);
        File.WriteAllText(Path.Combine(Artifacts, "verify-cp312.json"), $$"""
            { "ok": false,
              "wheel": { "file": "tensorflow-2.20.0-cp312-cp312-manylinux_2_17_x86_64.whl", "name": "tensorflow", "version": "2.20.0", "tags": ["cp312-cp312-manylinux_2_17_x86_64"], "sizeBytes": 283115520, "files": 18211 },
              "binaries": [
                { "path": "tensorflow/libtensorflow_framework.so.2", "format": "ELF64", "archs": ["x86_64"], "minOs": "glibc 2.17", "libraries": ["libm.so.6", "libc.so.6"], "rpaths": ["$ORIGIN"] },
                { "path": "tensorflow/python/_pywrap_tensorflow_internal.so", "format": "ELF64", "archs": ["x86_64"], "minOs": "glibc 2.27", "libraries": ["libtensorflow_framework.so.2", "libstdc++.so.6"], "rpaths": ["$ORIGIN/.."] },
                { "path": {{Json(Hostile + ".so")}}, "format": "ELF64", "archs": ["x86_64"], "minOs": "glibc 2.17", "libraries": [], "rpaths": [] }
              ],
              "findings": [
                { "code": "minos.glibc-above-tag", "severity": "error", "path": "tensorflow/python/_pywrap_tensorflow_internal.so", "message": "needs GLIBC_2.27 but the tag promises manylinux 2.17" },
                { "code": "link.not-bundled", "severity": "warning", "path": {{Json(Hostile)}}, "message": {{Json("links " + Hostile)}} }
              ] }
            """);
        File.WriteAllText(Path.Combine(Artifacts, "smoke-cp312.json"), $$"""
            { "ok": true, "verdict": "passed", "summary": "4 passed", "wheel": "tensorflow-2.20.0-cp312-cp312-manylinux_2_17_x86_64.whl", "python": "3.12.3", "wheelArch": "x86_64", "hostOs": "linux", "hostArch": "x86_64", "durationSeconds": 41.7,
              "workloads": [
                { "name": "add", "outcome": "passed", "note": "3.0", "durationSeconds": 6.1 },
                { "name": "matmul", "outcome": "passed", "note": "max abs error 2.1e-05", "durationSeconds": 9.4 },
                { "name": "conv2d", "outcome": "passed", "note": "VALID/SAME, strides 1 and 2", "durationSeconds": 12.0 },
                { "name": {{Json(Hostile)}}, "outcome": "passed", "note": {{Json(Hostile)}}, "durationSeconds": 3.2 }
              ] }
            """);
        File.WriteAllText(Path.Combine(Artifacts, "manifest.json"), $$"""
            { "schema": 2,
              "tensorflow": { "repository": "https://github.com/tensorflow/tensorflow.git", "ref": "v2.20.0", "commit": "72fbba3d20f4616d7312b5e2b7f79daf6e82f2fa" },
              "patches": [ { "path": {{Json("patches/" + Hostile + ".patch")}}, "sha256": "00" } ],
              "bazel": { "version": "7.4.1" },
              "host": { "os": "linux", "arch": "x86_64" },
              "durationsSeconds": { "fetch": 41.2, "configure": 3.9, "compile": 4411.5 },
              "wheels": [ { "python": "3.12", "tag": "cp312", "name": "tensorflow-2.20.0-cp312-cp312-manylinux_2_17_x86_64.whl", "size": 283115520, "sha256": "9f2c4be07f1c3fd3c4b9de8a7e1d4f5fe1b1ff8d0c3e9d5a3a2a46d01c27e1a4",
                  "bazel": { "argv": ["bazel", "build", "--config=release_cpu_linux", "//tensorflow/tools/pip_package:wheel"], "exitCode": 0, "remoteCacheHits": 1843 }, "durationSeconds": 4411.5 } ],
              "builtAt": "2026-12-03T07:31:19.0000000+00:00" }
            """);
    }

    public string Root => _dir.Combine("project");

    public string Artifacts => Path.Combine(Root, "artifacts", Recipe);

    public string Report => Path.Combine(Artifacts, "report.html");

    public void Dispose() => _dir.Dispose();

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
