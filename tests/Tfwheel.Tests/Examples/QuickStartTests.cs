using System.Text.Json;
using Tfwheel.Processes;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.EndToEnd;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Examples;

/// <summary>
/// The README's first minute, as a newcomer runs it: examples/quickstart.sh in a copy of the project (the
/// example recipe, the TF-shaped workspace it points at, the workload), with the program built here and a
/// private Bazel output root. Offline: Debian's Bazel 4, git, python3's venv.
/// </summary>
[Collection(BazelCollection.Name)]
public sealed class QuickStartTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("tfwheel-quickstart-");

    private string Root => _dir.Combine("project");

    private string BazelRoot => _dir.Combine("bazel-root");

    public Task InitializeAsync()
    {
        foreach (var part in new[] { "examples", "tests/fixtures/tf-shaped", "tests/fixtures/e2e" })
        {
            Copy(Path.Combine(ProjectFiles.Root, part), Path.Combine(Root, part));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        var tree = Path.Combine(Root, ".work", "src", "example");
        if (Directory.Exists(tree))
        {
            await new ProcessGateway(new TestLog()).RunAsync(new ProcessSpec("bazel", ["--output_user_root=" + BazelRoot, "shutdown"]) { WorkingDirectory = tree, Echo = false, StreamOutput = false });
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task The_quick_start_builds_verifies_smoke_tests_and_reports_the_example_wheel()
    {
        RequiredTool.Find("bazel", "apt-get install bazel-bootstrap");
        var spec = new ProcessSpec("bash", [Path.Combine(Root, "examples", "quickstart.sh"), $"--set=bazel.startup-options=[--output_user_root={BazelRoot},--max_idle_secs=120]"])
        {
            WorkingDirectory = Root,
            Timeout = TimeSpan.FromMinutes(10),
            Echo = false,
            StreamOutput = false,
            TailLines = 400,
            Environment = new Dictionary<string, string?>
            {
                ["TFWHEEL"] = "dotnet " + TfwheelProcess.Program,
                ["GITHUB_ACTIONS"] = null,
                ["NO_COLOR"] = "1",
                ["TERM"] = "dumb",
            },
        };

        var result = await new ProcessGateway(new TestLog()).RunAsync(spec);

        Assert.True(result.ExitCode == 0, TfwheelProcess.Output(result));
        var artifacts = Path.Combine(Root, "artifacts", "example");
        Assert.Single(Directory.GetFiles(artifacts, "tensorflow_cpu-2.20.0-*.whl"));
        Assert.True(Ok(Path.Combine(artifacts, "verify-cp311.json")));
        Assert.True(Ok(Path.Combine(artifacts, "smoke-cp311.json")));
        Assert.Contains("Executing genrule //tensorflow/tools/pip_package:wheel", File.ReadAllText(Path.Combine(artifacts, "report.html")));
        Assert.Contains("Open artifacts/example/report.html", result.StandardOutput);
    }

    private static bool Ok(string json) => JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("ok").GetBoolean();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file)); // quickstart.sh, configure.py
            }
        }
    }
}
