using System.Globalization;
using Tfwheel.Errors;
using Tfwheel.Tests.Support;
using SmokeTestPaths = Tfwheel.Tests.Smoke.SmokeTestPaths;
using SmokeTestWheel = Tfwheel.Tests.Support.TestWheel;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>
/// SIGTERM (what a CI runner sends when a job is cancelled) or Ctrl-C while a smoke workload runs: the
/// workload and every process it started die with it, none keeps running from the deleted venv.
/// </summary>
public sealed class SmokeInterruptTests : IDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-e2e-smoke-stop-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_during_a_workload_kills_its_whole_process_tree_and_exits_130(string signal)
    {
        var wheel = SmokeTestWheel.Build(SmokeTestPaths.TestDouble, _dir.Combine("dist"), SmokeTestWheel.HostPlatformTag());
        var pids = _dir.Combine("pids");
        var workload = _dir.Combine("spawns.py");
        // The workload starts a child that starts a grandchild, as TensorFlow's own helpers or a test harness may.
        File.WriteAllText(workload, $$"""
            import os, subprocess, sys, time
            child = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; g = subprocess.Popen(['sleep', '600']); open(sys.argv[1], 'w').write(str(g.pid)); time.sleep(600)", {{Quote(pids + ".grandchild")}}])
            while not os.path.exists({{Quote(pids + ".grandchild")}}):
                time.sleep(0.05)
            with open({{Quote(pids + ".tmp")}}, "w") as f:
                f.write(f"{os.getpid()} {child.pid} {open({{Quote(pids + ".grandchild")}}).read()}")
            os.rename({{Quote(pids + ".tmp")}}, {{Quote(pids)}})
            time.sleep(600)
            """);
        using var run = BackgroundTfwheel.Start(
            ProjectFiles.Root, "--target=Smoke", "--exclusive", $"--wheel={wheel}", $"--python={SmokeTestPaths.Python}", $"--workloads={workload}",
            "--recipe=linux-x86_64", $"--artifacts-dir={_dir.Combine("out")}", "--system-site-packages");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(pids))
        {
            Assert.True(DateTime.UtcNow < deadline, "the workload did not start:\n" + run.Output);
            await Task.Delay(100);
        }

        var tree = File.ReadAllText(pids).Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.All(tree, pid => Assert.True(IsRunning(pid), $"pid {pid} should be running before the signal"));

        await run.SignalAsync(signal);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == ExitCodes.Interrupted, run.Output);
        foreach (var pid in tree)
        {
            for (var i = 0; i < 50 && IsRunning(pid); i++)
            {
                await Task.Delay(100); // the kernel may take a moment to reap
            }

            Assert.False(IsRunning(pid), $"pid {pid} of the workload's tree is still running after tfwheel exited:\n{run.Output}");
        }
    }

    private static string Quote(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>Alive and not a zombie waiting to be reaped (/proc/PID/stat's third field).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
