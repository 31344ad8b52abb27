using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tfwheel.Tests.Support;

/// <summary>
/// Bazel's own remote worker, a real Remote Execution API v2 server (Bazel's test worker: it runs each
/// action as a local process), on 127.0.0.1 at a free port. Built from Debian packages by .ci/remote-worker
/// into tests/.cache/remote-worker/classes (or $TFWHEEL_TEST_CACHE); its work and CAS folders live in a temp dir.
/// </summary>
public sealed class RemoteWorker : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-worker-");
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public int Port { get; private set; }

    public string Url => $"grpc://127.0.0.1:{Port}";

    public static string Classes => Path.Combine(TestCache.Root, "remote-worker", "classes");

    public static async Task<RemoteWorker> StartAsync()
    {
        if (!Directory.Exists(Classes))
        {
            throw new InvalidOperationException($"Bazel's remote worker is not built: {Classes} is missing. Run tests/run (it builds the worker with .ci/remote-worker).");
        }

        var worker = new RemoteWorker { Port = FreePort() };
        Directory.CreateDirectory(worker._dir.Combine("work"));
        Directory.CreateDirectory(worker._dir.Combine("cas"));
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "-Xmx512m", "-cp", Classes + ":/usr/share/bazel/A-server.jar", "com.google.devtools.build.remote.worker.RemoteWorker",
            "--work_path=" + worker._dir.Combine("work"), "--cas_path=" + worker._dir.Combine("cas"),
            "--listen_port=" + worker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        worker._process = Process.Start(start)!;
        worker._process.OutputDataReceived += (_, e) => worker._output.Enqueue(e.Data ?? "");
        worker._process.ErrorDataReceived += (_, e) => worker._output.Enqueue(e.Data ?? "");
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await worker.AcceptsAsync())
        {
            if (worker._process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = worker.Log;
                await worker.DisposeAsync();
                throw new InvalidOperationException($"the remote worker did not start listening on port {worker.Port}:\n{log}");
            }

            await Task.Delay(200);
        }

        return worker;
    }

    public string Log => string.Join('\n', _output);

    /// <summary>A port nothing listens on (taken from the OS, then released).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process?.Dispose();
        _dir.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
