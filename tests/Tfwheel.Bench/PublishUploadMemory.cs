using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;
using Tfwheel.Publish;

namespace Tfwheel.Bench;

/// <summary>
/// Peak memory of Publish's streaming asset upload for a large wheel (600 MB by default), against a baseline in
/// the same run: Octokit's own UploadAsset, which clones the body into a MemoryStream (HttpClientAdapter).
/// Both upload to a Kestrel sink on 127.0.0.1 in this process that hashes what it receives.
/// </summary>
public sealed class PublishUploadMemory : IBenchmark
{
    private const long MiB = 1024 * 1024;

    public string Name => "publish-memory";

    public string Description => "streaming upload of a 600 MB asset: managed allocation and peak-RSS growth per asset byte vs Octokit's UploadAsset (target < 0.05)";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var size = (args.Count > 0 ? long.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 600) * MiB;
        var baselineSize = (args.Count > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 128) * MiB;
        await using var sink = await StartSinkAsync();
        var dir = Directory.CreateTempSubdirectory("tfwheel-bench-").FullName;
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var uploader = new AssetUploader(http, token: null, GitHubEndpoints.For(new Uri(sink.BaseUrl + "/")));
            await uploader.UploadAsync(sink.Url, Asset(dir, "warmup.whl", MiB), "warmup.whl", TimeSpan.FromMinutes(5), CancellationToken.None);

            var ours = await MeasureAsync(() => uploader.UploadAsync(sink.Url, Asset(dir, "big.whl", size), "big.whl", TimeSpan.FromHours(1), CancellationToken.None));
            var octokit = await MeasureAsync(() => OctokitUploadAsync(sink, Asset(dir, "baseline.whl", baselineSize)));

            Console.WriteLine($"asset                      {size / MiB,6} MiB (tfwheel)   {baselineSize / MiB,6} MiB (Octokit UploadAsset, baseline)");
            Console.WriteLine($"managed bytes allocated    {ours.Allocated / MiB,6} MiB            {octokit.Allocated / MiB,6} MiB");
            Console.WriteLine($"peak RSS growth            {ours.PeakGrowth / MiB,6} MiB            {octokit.PeakGrowth / MiB,6} MiB");
            Console.WriteLine($"allocated per asset byte   {(double)ours.Allocated / size,9:0.0000}           {(double)octokit.Allocated / baselineSize,9:0.0000}");
            Console.WriteLine($"peak growth per asset byte {(double)ours.PeakGrowth / size,9:0.0000}           {(double)octokit.PeakGrowth / baselineSize,9:0.0000}");
            var ratio = (double)Math.Max(ours.Allocated, ours.PeakGrowth) / size;
            Console.WriteLine($"ratio (tfwheel, worst of the two per asset byte): {ratio:0.0000}; target < 0.05 -> {(ratio < 0.05 ? "met" : "NOT met")}");
            Console.WriteLine($"sink received {sink.Received / MiB} MiB in total");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(long Allocated, long PeakGrowth)> MeasureAsync(Func<Task> upload)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var start = process.WorkingSet64;
        var peak = start;
        using var cts = new CancellationTokenSource();
        // PeakWorkingSet64 only grows over the process's life, so sample the working set while the upload runs.
        var sampler = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await upload();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await cts.CancelAsync();
        await sampler;
        return (allocated, peak - start);
    }

    private static async Task OctokitUploadAsync(Sink sink, LocalAsset asset)
    {
        var client = new GitHubClient(new ProductHeaderValue("tfwheel-bench"), new Uri(sink.BaseUrl));
        var release = new Octokit.Internal.SimpleJsonSerializer().Deserialize<Release>($$"""{"id":1,"upload_url":"{{sink.Url}}"}""");
        await using var file = File.OpenRead(asset.Path);
        await client.Repository.Release.UploadAsset(release, new ReleaseAssetUpload(asset.Name, asset.ContentType, file, TimeSpan.FromMinutes(30)));
    }

    /// <summary>A sparse file: reading it costs no disk, and the upload path sees the same bytes as a real wheel.</summary>
    private static LocalAsset Asset(string dir, string name, long size)
    {
        var path = Path.Combine(dir, name);
        using (var f = File.Create(path))
        {
            f.SetLength(size);
        }

        return new LocalAsset(name, path, size, "unused", "application/zip");
    }

    private static async Task<Sink> StartSinkAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var sink = new Sink(app);
        app.Run(sink.HandleAsync);
        await app.StartAsync();
        sink.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return sink;
    }

    private sealed class Sink(WebApplication app) : IAsyncDisposable
    {
        private long _received;

        public string BaseUrl { get; set; } = "";

        public string Url => BaseUrl + "/api/uploads/repos/o/r/releases/1/assets{?name,label}";

        public long Received => Interlocked.Read(ref _received);

        public async Task HandleAsync(HttpContext ctx)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long size = 0;
            int n;
            while ((n = await ctx.Request.Body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                size += n;
            }

            Interlocked.Add(ref _received, size);
            ctx.Response.StatusCode = 201;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync($$"""{"id":1,"name":"{{ctx.Request.Query["name"]}}","size":{{size}},"state":"uploaded","digest":"sha256:{{Convert.ToHexStringLower(hash.GetHashAndReset())}}"}""");
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
