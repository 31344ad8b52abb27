using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Tfwheel.Tests.Publish;

public sealed partial class FakeGitHub
{
    private async Task UploadAsync(HttpContext ctx, long releaseId)
    {
        // ASP.NET decodes '+' in a query as a space, as GitHub does; GitHub then renames spaces and some symbols to '.'.
        var name = Regex.Replace(ctx.Request.Query["name"].ToString(), @"[ ~:()]", ".");
        var release = Find(releaseId);
        if (release is null || (release.Immutable && !release.Draft) || Locked(() => release.Assets.Any(a => a.Name == name)))
        {
            await DrainAsync(ctx);
            await RespondAsync(ctx, 422, release is null ? NotFound
                : release.Immutable ? """{"message":"Cannot upload assets to an immutable release","status":"422"}""" : Invalid("ReleaseAsset", "name"), "repos/upload-release-asset");
            return;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long size = 0;
        int n;
        while ((n = await ctx.Request.Body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            size += n;
        }

        var asset = new FakeAsset { Id = Interlocked.Increment(ref _nextId), Name = name, ContentType = ctx.Request.ContentType ?? "application/octet-stream", Size = size, Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), CreatedAt = Clock.GetUtcNow() };
        Locked(() => { release.Assets.Add(asset); return 0; });
        await RespondAsync(ctx, 201, AssetJson(asset), "repos/upload-release-asset");
    }

    private async Task InjectAsync(HttpContext ctx, FakeFault fault)
    {
        await DrainAsync(ctx);
        if (fault.Mode == FaultMode.DropConnection)
        {
            ctx.Abort();
            return;
        }

        if (fault.Mode == FaultMode.CutUpload && Regex.Match(ctx.Request.Path.Value ?? "", @"/releases/(\d+)/assets$") is { Success: true } m && Find(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) is { } release)
        {
            // "When an upstream failure occurs, you will receive a 502 Bad Gateway status. This may leave an empty
            // asset with a state of starter." (OpenAPI repos/upload-release-asset)
            var starter = new FakeAsset { Id = Interlocked.Increment(ref _nextId), Name = ctx.Request.Query["name"].ToString(), ContentType = ctx.Request.ContentType ?? "", State = "starter", CreatedAt = Clock.GetUtcNow() };
            Locked(() => { release.Assets.Add(starter); return 0; });
        }

        foreach (var (key, value) in fault.Headers)
        {
            ctx.Response.Headers[key] = value;
        }

        ctx.Response.StatusCode = fault.Status;
        ctx.Response.ContentType = fault.Body.StartsWith('{') ? "application/json; charset=utf-8" : "text/html";
        await ctx.Response.WriteAsync(fault.Body);
    }

    private async Task PageAsync(HttpContext ctx, string path, List<string> items, string operationId)
    {
        var perPage = Math.Min(MaxPageSize, int.TryParse(ctx.Request.Query["per_page"], out var pp) ? pp : 30);
        var page = int.TryParse(ctx.Request.Query["page"], out var pg) ? pg : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        if (page < last)
        {
            // As GitHub: Link: <…?per_page=N&page=P>; rel="next", <…>; rel="last" (docs "Using pagination in the REST API").
            ctx.Response.Headers["Link"] = $"<{BaseUrl}{path}?per_page={perPage}&page={page + 1}>; rel=\"next\", <{BaseUrl}{path}?per_page={perPage}&page={last}>; rel=\"last\"";
        }

        await RespondAsync(ctx, 200, "[" + string.Join(",", items.Skip((page - 1) * perPage).Take(perPage)) + "]", operationId);
    }
}
