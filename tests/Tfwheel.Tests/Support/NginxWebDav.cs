using System.Net;
using System.Net.Sockets;
using Tfwheel.Processes;

namespace Tfwheel.Tests.Support;

/// <summary>
/// Debian's nginx serving a folder over WebDAV PUT/GET on 127.0.0.1 (a random free port): the shape
/// of a Bazel HTTP remote cache (GET/PUT of /ac/ and /cas/ keys). Config, logs and temp files live in a
/// temp dir; the access log records the x-tfwheel-key request header so tests can see what bazel sent.
/// </summary>
public sealed class NginxWebDav : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("tfwheel-nginx-");
    private readonly IProcessGateway _gateway = new ProcessGateway(new TestLog());

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string AccessLog => _dir.Combine("access.log");

    public string CacheRoot => _dir.Combine("cache");

    public static async Task<NginxWebDav> StartAsync()
    {
        RequiredTool.Find("nginx", "apt-get install nginx libnginx-mod-http-dav-ext");
        var nginx = new NginxWebDav();
        Directory.CreateDirectory(nginx.CacheRoot);
        Directory.CreateDirectory(nginx._dir.Combine("body"));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        nginx.Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var d = nginx._dir.Path;
        // Workers run as nobody unless told otherwise; as root they must be root to write the cache dir.
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(nginx._dir.Combine("nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log;
            events { worker_connections 64; }
            http {
              log_format withkey '$request_method $uri $status key=$http_x_tfwheel_key';
              access_log {{d}}/access.log withkey;
              client_body_temp_path {{d}}/body;
              proxy_temp_path {{d}}/body;
              fastcgi_temp_path {{d}}/body;
              uwsgi_temp_path {{d}}/body;
              scgi_temp_path {{d}}/body;
              server {
                listen 127.0.0.1:{{nginx.Port}};
                root {{nginx.CacheRoot}};
                dav_methods PUT;
                create_full_put_path on;
                client_max_body_size 0;
              }
            }
            """);
        await nginx.RunAsync([]);
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(_dir.Combine("nginx.pid")))
        {
            await RunAsync(["-s", "stop"]);
        }

        for (var i = 0; i < 50 && File.Exists(_dir.Combine("nginx.pid")); i++)
        {
            await Task.Delay(100);
        }

        _dir.Dispose();
    }

    private async Task RunAsync(IReadOnlyList<string> extra)
    {
        var spec = new ProcessSpec("nginx", ["-p", _dir.Path, "-c", _dir.Combine("nginx.conf"), "-e", _dir.Combine("error.log"), .. extra]) { Echo = false };
        (await _gateway.RunAsync(spec)).EnsureSuccess();
    }
}
