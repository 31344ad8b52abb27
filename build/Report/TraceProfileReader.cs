using System.IO.Compression;
using System.Text.Json;

namespace Tfwheel.Report;

/// <summary>
/// Streams Bazel's JSON trace profile (`--profile=FILE`, gzipped when the name ends in .gz; the Chrome
/// trace-event format, https://bazel.build/advanced/performance/json-trace-profile) token by token through a
/// bounded buffer: a TensorFlow build's profile holds hundreds of thousands of events, and only the longest
/// actions, the critical path, per-kind totals and the phase markers are kept.
/// </summary>
public static class TraceProfileReader
{
    public const int KeptActions = 2000;
    public const int KeptCriticalPath = 2000;

    /// <summary>The largest single JSON token accepted (a name, a number); a longer one is a damaged or hostile file.</summary>
    public const int MaxTokenBytes = 1 << 20;

    public static TraceProfile Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b; // gzip magic (RFC 1952 section 2.3.1)
        file.Position = 0;
        using var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            return Read(stream);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: not a readable Bazel JSON trace profile: {e.Message}", e);
        }
    }

    public static TraceProfile Read(Stream stream)
    {
        var collector = new TraceCollector();
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
        while (true)
        {
            if (!final && filled < buffer.Length)
            {
                var n = stream.Read(buffer, filled, buffer.Length - filled);
                final = n == 0;
                filled += n;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
            while (reader.Read())
            {
                collector.Token(ref reader);
            }

            if (final)
            {
                return collector.Result();
            }

            var consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (consumed == 0 && filled == buffer.Length)
            {
                // One token does not fit: grow, within a bound, rather than read a hostile file whole.
                if (buffer.Length >= MaxTokenBytes)
                {
                    throw new InvalidDataException($"a JSON token longer than {MaxTokenBytes} bytes");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
    }
}
