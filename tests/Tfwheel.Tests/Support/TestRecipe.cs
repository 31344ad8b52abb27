namespace Tfwheel.Tests.Support;

/// <summary>Writes a recipe YAML into a <see cref="TfShapedWorkspace"/>'s project, building its tree for this linux/x86_64 host.</summary>
public static class TestRecipe
{
    /// <param name="bazel">Extra lines under <c>bazel:</c>, indented by two spaces (e.g. <c>"  remote: { ... }"</c>).</param>
    /// <param name="tensorflow">The <c>tensorflow:</c> mapping's extra keys (e.g. <c>"commit: abc..."</c>); the ref defaults to the tag.</param>
    /// <param name="version">bazel.version, or null to leave it to the tree's .bazelversion.</param>
    public static string Write(TfShapedWorkspace ws, string name, string bazel = "", string? gitRef = null, string tensorflow = "", string? version = "4", string top = "")
    {
        var recipes = Directory.CreateDirectory(Path.Combine(ws.ProjectRoot, "recipes")).FullName;
        var path = Path.Combine(recipes, name + ".yaml");
        var tf = $"repository: \"{ws.Origin}\", ref: {gitRef ?? ws.Tag}, version: {ws.Version}" + (tensorflow.Length > 0 ? ", " + tensorflow : "");
        File.WriteAllText(path, $$"""
            tensorflow: { {{tf}} }
            python: "3.11"
            target: { os: linux, arch: x86_64 }
            wheel: { name: tensorflow_cpu }
            configure: { env: { TF_NEED_CUDA: "0", TF_ENABLE_XLA: "1" } }
            {{top}}
            bazel:
            {{(version is null ? "" : $"  version: \"{version}\"")}}
              startup-options: [{{string.Join(", ", ws.StartupOptions.Select(o => '"' + o + '"'))}}]
              configs: [release_cpu_linux]
            {{bazel}}
            """);
        return path;
    }
}
