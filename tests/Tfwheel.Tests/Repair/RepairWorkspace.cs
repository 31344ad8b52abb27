using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Repair;

/// <summary>A project folder with bazel's linux_x86_64 wheel in artifacts/&lt;recipe&gt;/, as Compile leaves it.</summary>
internal sealed class RepairWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new("tfwheel-repair-");

    public RepairWorkspace(string floor = "2.17")
    {
        Recipe = new Recipe
        {
            Name = "linux-repair",
            Files = [_temp.Combine("recipes", "linux-repair.yaml")],
            Tensorflow = new TensorflowSource("https://example.invalid/tf.git", "v2.20.0", null, "2.20.0"),
            Python = "3.11",
            Target = new TargetPlatform(TargetOs.Linux, TargetArch.X86_64, floor),
        };
        Paths = BuildPaths.For(_temp.Combine("project"), Recipe.Name);
        Directory.CreateDirectory(Paths.Artifacts);
        Directory.CreateDirectory(Scratch);
    }

    public Recipe Recipe { get; }

    public BuildPaths Paths { get; }

    /// <summary>Where the test compiles its libraries.</summary>
    public string Scratch => _temp.Combine("cc");

    /// <summary>Puts a wheel holding <paramref name="files"/> into artifacts/, named as tf_wheel.bzl names it.</summary>
    public string PlaceWheel(params (string Path, byte[] Content)[] files)
    {
        var wheel = new TestWheel("tfwheel_probe-2.20.0-py3-none-linux_x86_64.whl");
        foreach (var (path, content) in files)
        {
            wheel = wheel.With(path, content);
        }

        return wheel.With("tfwheel_probe/__init__.py", "import os\nHERE = os.path.dirname(__file__)\n"u8.ToArray()).Write(Paths.Artifacts);
    }

    public string[] Wheels => Directory.GetFiles(Paths.Artifacts, "*.whl");

    public void Dispose() => _temp.Dispose();
}
