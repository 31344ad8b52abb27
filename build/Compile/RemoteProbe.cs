using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Tfwheel.Compile;

/// <summary>Whether a remote endpoint answered, and what it said (or why not), in words.</summary>
public sealed record RemoteAnswer(bool Answers, string Detail);

/// <summary>
/// Asks a remote cache or executor whether it is there, within a short timeout: a TCP connection first
/// (refused, unreachable and unknown hosts are told apart), then one request in its own protocol. A gRPC
/// endpoint gets the Remote Execution API's GetCapabilities call (bazelbuild/remote-apis
/// build/bazel/remote/execution/v2/remote_execution.proto, service Capabilities), the first thing bazel
/// asks; any gRPC reply, even "unauthenticated", means the server answers. An HTTP cache gets a HEAD
/// request; any HTTP status means it answers.
/// </summary>
public static class RemoteProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static async Task<RemoteAnswer> AskAsync(RemoteEndpoint endpoint, TimeSpan timeout, CancellationToken ct)
    {
        switch (endpoint.Scheme)
        {
            case "invalid":
                return new RemoteAnswer(false, "not a URL bazel accepts (grpc://, grpcs://, http://, https:// or unix://)");
            case "unix":
                var socket = new Uri(endpoint.Address).AbsolutePath;
                return File.Exists(socket) ? new RemoteAnswer(true, $"socket {socket} exists") : new RemoteAnswer(false, $"no socket at {socket}");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using (var tcp = new TcpClient())
            {
                await tcp.ConnectAsync(endpoint.Host, endpoint.Port, limit.Token);
            }

            return endpoint.Scheme is "grpc" or "grpcs"
                ? await GetCapabilitiesAsync(endpoint, limit.Token)
                : await HeadAsync(endpoint, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new RemoteAnswer(false, $"no answer from {endpoint.Host}:{endpoint.Port} within {timeout.TotalSeconds:0} s");
        }
        catch (SocketException e)
        {
            return new RemoteAnswer(false, $"{endpoint.Host}:{endpoint.Port}: {Describe(e.SocketErrorCode, e.Message)}");
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException is SocketException s ? Describe(s.SocketErrorCode, s.Message) : e.GetBaseException().Message;
            return new RemoteAnswer(false, $"{endpoint.Host}:{endpoint.Port} accepts connections but did not answer as {Protocol(endpoint)}: {why}");
        }
    }

    private static async Task<RemoteAnswer> GetCapabilitiesAsync(RemoteEndpoint endpoint, CancellationToken ct)
    {
        // A gRPC message: a 1-byte compressed flag, a 4-byte big-endian length, then GetCapabilitiesRequest
        // { string instance_name = 1; } in protobuf wire format (tag 0x0A, varint length, UTF-8 bytes).
        var name = Encoding.UTF8.GetBytes(endpoint.InstanceName ?? "");
        byte[] message = name.Length == 0 ? [] : [0x0A, .. Varint(name.Length), .. name];
        byte[] body = [0, .. BitConverter.GetBytes(IPAddress.HostToNetworkOrder(message.Length)), .. message];
        var scheme = endpoint.Scheme == "grpcs" ? "https" : "http";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{scheme}://{endpoint.Host}:{endpoint.Port}/build.bazel.remote.execution.v2.Capabilities/GetCapabilities")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // gRPC is HTTP/2 only; plain grpc:// is HTTP/2 without TLS
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        // RequestMetadata { ToolDetails tool_details = 1 { string tool_name = 1; } }, which bazel sends with
        // every call and servers may insist on (Bazel's own worker answers INVALID_ARGUMENT without it).
        byte[] tool = [0x0A, 7, .. "tfwheel"u8];
        request.Headers.TryAddWithoutValidation("build.bazel.remote.execution.v2.requestmetadata-bin", Convert.ToBase64String([0x0A, (byte)tool.Length, .. tool]));
        using var client = new HttpClient();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
        if (status is null)
        {
            return new RemoteAnswer(false, $"{endpoint.Host}:{endpoint.Port} answered HTTP {(int)response.StatusCode} without a gRPC status: not a gRPC server");
        }

        var text = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message");
        return new RemoteAnswer(true, status == "0"
            ? "answers (REAPI GetCapabilities OK)"
            : $"answers (REAPI GetCapabilities: gRPC status {status}{(string.IsNullOrEmpty(text) ? "" : ", " + Uri.UnescapeDataString(text))})");
    }

    private static async Task<RemoteAnswer> HeadAsync(RemoteEndpoint endpoint, CancellationToken ct)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, endpoint.Address);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return new RemoteAnswer(true, $"answers (HTTP {(int)response.StatusCode} to HEAD)");
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        for (var v = (uint)value; ; v >>= 7)
        {
            if (v < 0x80)
            {
                bytes.Add((byte)v);
                return [.. bytes];
            }

            bytes.Add((byte)((v & 0x7F) | 0x80));
        }
    }

    private static string Protocol(RemoteEndpoint endpoint) => endpoint.Scheme is "grpc" or "grpcs" ? "a gRPC server" : "an HTTP server";

    private static string Describe(SocketError error, string message) => error switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens on that port)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
        SocketError.TimedOut => "connection timed out",
        _ => message,
    };
}
