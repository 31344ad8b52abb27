using System.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Tests.Compile;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>Ctrl-C on the real program mid-build: bazel stops in order, the run exits 130, and a re-run finishes.</summary>
[Collection(BazelCollection.Name)]
public sealed class InterruptTests : IAsyncLifetime
{
    private TfShapedWorkspace _ws = null!;
    private string _marker = "";

    public async Task InitializeAsync()
    {
        _ws = await TfShapedWorkspace.CreateAsync();
        _marker = Path.Combine(_ws.ProjectRoot, "slow");
        File.WriteAllText(_marker, "");
        _ws.WritePatch("0001-slow.patch", TestPatches.WaitWhile(_marker));
        var recipes = Directory.CreateDirectory(Path.Combine(_ws.ProjectRoot, "recipes")).FullName;
        File.WriteAllText(Path.Combine(recipes, "slow.yaml"), $$"""
            tensorflow: { repository: "{{_ws.Origin}}", ref: {{_ws.Tag}}, version: {{_ws.Version}} }
            python: "3.11"
            target: { os: linux, arch: x86_64 }
            bazel:
              version: "4"
              startup-options: [{{string.Join(", ", _ws.StartupOptions.Select(o => '"' + o + '"'))}}]
              configs: [release_cpu_linux]
            configure: { env: { TF_NEED_CUDA: "0", TF_ENABLE_XLA: "1" } }
            patches: [../patches/0001-slow.patch]
            """);
    }

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task Sigint_during_the_bazel_build_exits_130_after_bazel_stops_and_a_rerun_builds_the_wheel()
    {
        // env --default-signal: a test run started in the background by a non-interactive shell inherits SIGINT
        // ignored, and the program would never see the Ctrl-C this test sends.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = _ws.ProjectRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--default-signal=INT,TERM", "dotnet", TfwheelProcess.Program, "--target=Compile", "--recipe=slow", "--verbosity=verbose" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var program = Process.Start(start)!;
        var building = new TaskCompletionSource();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        program.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (line.Contains("INFO: Found 1 target", StringComparison.Ordinal))
                {
                    building.TrySetResult();
                }
            }
        };
        program.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        program.BeginOutputReadLine();
        program.BeginErrorReadLine();

        await building.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await RunningProcess.WaitForCommandLineAsync(_marker, TimeSpan.FromMinutes(2)); // the slow genrule's shell is running now
        using (var kill = Process.Start("kill", ["-INT", program.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await program.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var text = string.Join('\n', output);
        Assert.True(program.ExitCode == ExitCodes.Interrupted, text);
        Assert.Contains("(exit code 130)", text); // our host said so: the process was not simply killed by the signal
        Assert.Contains("Bazel caught interrupt signal", File.ReadAllText(Path.Combine(_ws.ProjectRoot, "artifacts", "slow", "bazel.log")));

        File.Delete(_marker);
        var rerun = await TfwheelProcess.RunAsync(_ws.ProjectRoot, "--target=Compile", "--recipe=slow");

        Assert.True(rerun.ExitCode == 0, TfwheelProcess.Output(rerun));
        Assert.Single(Directory.GetFiles(Path.Combine(_ws.ProjectRoot, "artifacts", "slow"), "*.whl"));
    }
}
