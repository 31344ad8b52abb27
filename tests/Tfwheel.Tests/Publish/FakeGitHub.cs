using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tfwheel.Tests.Publish;

/// <summary>
/// An in-process GitHub on Kestrel (127.0.0.1, random port) that behaves like GitHub where Publish depends on it:
/// the REST API under /api/v3/ (GitHub Enterprise layout), uploads under /api/uploads/ named by upload_url,
/// drafts hidden from the tag lookup, 422 already_exists, Link pagination, digests, starter assets after a
/// cut upload, immutable releases, and a queue of injected faults. Every request and response body is checked
/// against GitHub's OpenAPI description (<see cref="ReleasesOpenApi"/>); see <see cref="Violations"/>.
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<FakeFault> _faults = [];
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly Lock _lock = new();
    private long _nextId = 1000;

    private FakeGitHub(WebApplication app, string owner, string repo, string token)
    {
        _app = app;
        Owner = owner;
        Repo = repo;
        Token = token;
    }

    public string Owner { get; }

    public string Repo { get; }

    public string Token { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where upload_url points instead of this server (a misconfigured proxy, or a tampered answer); null: here.</summary>
    public string? UploadBaseUrl { get; set; }

    /// <summary>The REST root to give Publish as publish.api-url.</summary>
    public string ApiUrl => BaseUrl + "/api/v3/";

    public List<FakeRelease> Releases { get; } = [];

    /// <summary>Whether the token may push (GET /repos/o/r permissions.push).</summary>
    public bool Push { get; set; } = true;

    /// <summary>The repository's "immutable releases" setting: a release becomes immutable when published.</summary>
    public bool ImmutableReleases { get; set; }

    /// <summary>Page size cap, so a few releases already span several pages (GitHub caps per_page at 100).</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The clock behind created_at and rate-limit resets; tests share it with Publish.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>"METHOD /path?query" of every request, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Mutating requests (POST, PATCH, DELETE) received.</summary>
    public IReadOnlyList<string> Writes => Requests.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)).ToList();

    /// <summary>Schema violations in requests received or responses sent, except the documented "starter" state deviation.</summary>
    public IReadOnlyList<string> Violations => _violations.ToList();

    public static async Task<FakeGitHub> StartAsync(string owner = "acme", string repo = "tf-wheels", string token = "ghp_FAKEtoken0123456789abcdefghijklmnopqr")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var fake = new FakeGitHub(app, owner, repo, token);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public void Inject(FakeFault fault)
    {
        lock (_lock)
        {
            _faults.Add(fault);
        }
    }

    public int PendingFaults
    {
        get
        {
            lock (_lock)
            {
                return _faults.Count;
            }
        }
    }

    public FakeRelease AddRelease(string tag, bool draft, bool immutable = false)
    {
        lock (_lock)
        {
            var now = Clock.GetUtcNow();
            var release = new FakeRelease { Id = ++_nextId, Tag = tag, Name = tag, Draft = draft, Immutable = immutable, CreatedAt = now, PublishedAt = draft ? null : now };
            Releases.Add(release);
            return release;
        }
    }

    public FakeAsset AddAsset(FakeRelease release, string name, byte[] content, string state = "uploaded")
    {
        lock (_lock)
        {
            var asset = new FakeAsset
            {
                Id = ++_nextId,
                Name = name,
                ContentType = "application/octet-stream",
                CreatedAt = Clock.GetUtcNow(),
                State = state,
                Size = state == "uploaded" ? content.Length : 0,
                Sha256 = state == "uploaded" ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) : null,
            };
            release.Assets.Add(asset);
            return asset;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private FakeFault? TakeFault(string method, string pathAndQuery)
    {
        lock (_lock)
        {
            var fault = _faults.FirstOrDefault(f => f.Method == method && pathAndQuery.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is not null)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }
}
