using System.Collections.Immutable;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Tests.Support;

/// <summary>
/// A git repository made from tests/fixtures/tf-shaped (the "upstream" TensorFlow), a project folder
/// with patches/, and a recipe pointing at both. Bazel runs under <see cref="BazelRoot"/> and is shut
/// down on dispose.
/// </summary>
public sealed class TfShapedWorkspace : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("tfwheel-ws-");

    private TfShapedWorkspace(string version)
    {
        Version = version;
    }

    public string Version { get; }

    public string Origin => _temp.Combine("origin");

    public string ProjectRoot => _temp.Combine("project");

    public string BazelRoot => _temp.Combine("bazel-root");

    public string Tag => "v" + Version;

    /// <summary>A private output root so tests never share a server with a person's bazel; idle servers exit on their own.</summary>
    public IReadOnlyList<string> StartupOptions => ["--output_user_root=" + BazelRoot, "--max_idle_secs=300"];

    public string Commit { get; private set; } = "";

    public static async Task<TfShapedWorkspace> CreateAsync(string version = "2.20.0")
    {
        RequiredTool.Find("bazel", "apt-get install bazel-bootstrap");
        var ws = new TfShapedWorkspace(version);
        CopyDirectory(ProjectFiles.Fixture("tf-shaped"), ws.Origin);
        File.WriteAllText(Path.Combine(ws.Origin, "tensorflow", "tf_version.bzl"), $"\"\"\"The version the tree builds.\"\"\"\n\nTF_VERSION = \"{version}\"\n");
        Directory.CreateDirectory(Path.Combine(ws.ProjectRoot, "patches"));
        await Git.RunAsync(ws.Origin, "init", "--quiet");
        await Git.RunAsync(ws.Origin, "add", "--all");
        await Git.RunAsync(ws.Origin, "commit", "--quiet", "-m", "TF-shaped tree " + version);
        await Git.RunAsync(ws.Origin, "tag", ws.Tag);
        ws.Commit = await Git.RunAsync(ws.Origin, "rev-parse", "HEAD");
        return ws;
    }

    public BuildPaths Paths(Recipe recipe) => BuildPaths.For(ProjectRoot, recipe.Name);

    /// <summary>A linux/x86_64 recipe (this host) building the tree with bazel 4 under a private output root.</summary>
    public Recipe Recipe(string name = "linux-test") => new()
    {
        Name = name,
        Files = [Path.Combine(ProjectRoot, "recipes", name + ".yaml")],
        Tensorflow = new TensorflowSource(Origin, Tag, Commit, Version),
        Python = "3.11",
        Target = new TargetPlatform(TargetOs.Linux, TargetArch.X86_64, null),
        Configure = new ConfigureSettings
        {
            Env = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("TF_NEED_CUDA", "0"), KeyValuePair.Create("TF_ENABLE_XLA", "1")]),
            TimeoutSeconds = 60,
        },
        Bazel = new BazelSettings
        {
            Version = "4",
            StartupOptions = StartupOptions,
            Configs = ["release_cpu_linux"],
        },
        Wheel = new WheelSettings { Name = "tensorflow_cpu" },
    };

    /// <summary>
    /// Writes recipes/NAME.yaml for the program: the tree at its tag, linux/x86_64 (this host), bazel 4 under a
    /// private output root; <paramref name="extra"/> adds top-level keys (YAML lines, e.g. "patches: [...]").
    /// </summary>
    public string WriteRecipe(string name = "linux-test", string extra = "")
    {
        var recipes = Directory.CreateDirectory(Path.Combine(ProjectRoot, "recipes")).FullName;
        var path = Path.Combine(recipes, name + ".yaml");
        File.WriteAllText(path, $$"""
            tensorflow: { repository: "{{Origin}}", ref: {{Tag}}, commit: "{{Commit}}", version: {{Version}} }
            python: "3.11"
            target: { os: linux, arch: x86_64 }
            bazel:
              version: "4"
              startup-options: [{{string.Join(", ", StartupOptions.Select(o => '"' + o + '"'))}}]
              configs: [release_cpu_linux]
            configure: { env: { TF_NEED_CUDA: "0", TF_ENABLE_XLA: "1" }, timeout-seconds: 60 }
            wheel: { name: tensorflow_cpu }

            """ + extra + "\n");
        return path;
    }

    public string WritePatch(string name, string content)
    {
        var path = Path.Combine(ProjectRoot, "patches", name);
        File.WriteAllText(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var tree in Directory.Exists(Path.Combine(ProjectRoot, ".work", "src")) ? Directory.GetDirectories(Path.Combine(ProjectRoot, ".work", "src")) : [])
        {
            var spec = new ProcessSpec("bazel", [.. StartupOptions, "shutdown"]) { WorkingDirectory = tree, Echo = false, StreamOutput = false };
            await new ProcessGateway(new TestLog()).RunAsync(spec);
        }

        _temp.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file)); // configure.py, build_pip_package.sh
            }
        }
    }
}
