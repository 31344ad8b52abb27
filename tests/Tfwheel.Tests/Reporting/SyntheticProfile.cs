using System.IO.Compression;
using System.Text.Json;

namespace Tfwheel.Tests.Reporting;

/// <summary>
/// Writes a Bazel-4-shaped JSON trace profile (the event kinds and fields a real `bazel build --profile`
/// wrote for tests/fixtures/tf-shaped: thread_name metadata, build phase markers, "action processing" and
/// "critical path component" spans), streamed, gzipped, as large as a test asks: a TensorFlow-sized build of
/// many compile actions on a few workers, then a link and the wheel.
/// </summary>
internal static class SyntheticProfile
{
    public static void Write(string path, int compiles, int workers = 8, string? hostileName = null)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var json = new Utf8JsonWriter(gzip);
        json.WriteStartObject();
        json.WriteStartObject("otherData");
        json.WriteString("build_id", "00000000-0000-0000-0000-000000000000");
        json.WriteEndObject();
        json.WriteStartArray("traceEvents");
        Event(json, "thread_name", "M", null, 0, 0, 0, thread: "Critical Path");
        long analysisEnd = 95_000_000;
        Event(json, "Launch Blaze", "X", "build phase marker", -6_000_000, 6_000_000, 20);
        Event(json, "Initialize command", "i", "build phase marker", 0, null, 20);
        Event(json, "Load and analyze dependencies", "i", "build phase marker", 4_000_000, null, 20);
        Event(json, "Prepare for build", "i", "build phase marker", 80_000_000, null, 20);
        Event(json, "Build artifacts", "i", "build phase marker", analysisEnd, null, 20);
        var chain = new List<(string Name, long Start, long Dur)>(); // worker 0's actions: the critical path's shape
        var free = new long[workers];
        Array.Fill(free, analysisEnd);
        var random = new Random(42);
        for (var i = 0; i < compiles; i++)
        {
            var w = Array.IndexOf(free, free.Min());
            var dur = 200_000 + (long)(random.NextDouble() * random.NextDouble() * 90_000_000);
            var name = i == compiles / 3 && hostileName is not null
                ? hostileName
                : $"Compiling tensorflow/core/kernels/{Kernels[i % Kernels.Length]}_{i}.cc";
            Event(json, name, "X", "action processing", free[w], dur, 40 + w);
            if (w == 0 && chain.Count < 12 && i % 5 == 0)
            {
                chain.Add((name, free[w], dur));
            }

            free[w] += dur + 20_000;
            if (i % 1000 == 0)
            {
                json.Flush(); // Utf8JsonWriter buffers until flushed: keep the writer as bounded as the reader
            }
        }

        var compiled = free.Max();
        Event(json, "Linking tensorflow/libtensorflow_framework.so.2", "X", "action processing", compiled, 48_000_000, 40);
        Event(json, "Executing genrule //tensorflow/tools/pip_package:wheel", "X", "action processing", compiled + 48_100_000, 21_000_000, 41);
        foreach (var (name, start, dur) in chain)
        {
            Event(json, $"action '{name}'", "X", "critical path component", start, dur, 0);
        }

        Event(json, "action 'Linking tensorflow/libtensorflow_framework.so.2'", "X", "critical path component", compiled, 48_000_000, 0);
        Event(json, "action 'Executing genrule //tensorflow/tools/pip_package:wheel'", "X", "critical path component", compiled + 48_100_000, 21_000_000, 0);
        Event(json, "Complete build", "i", "build phase marker", compiled + 69_200_000, null, 20);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static readonly string[] Kernels = ["conv_ops", "matmul_op", "cwise_op_add", "reduction_ops", "gather_op", "mlir_bridge_pass", "xla_ops"];

    private static void Event(Utf8JsonWriter json, string name, string ph, string? cat, long ts, long? dur, int tid, string? thread = null)
    {
        json.WriteStartObject();
        if (cat is not null)
        {
            json.WriteString("cat", cat);
        }

        json.WriteString("name", name);
        json.WriteString("ph", ph);
        json.WriteNumber("ts", ts);
        if (dur is { } d)
        {
            json.WriteNumber("dur", d);
        }

        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", tid);
        if (thread is not null)
        {
            json.WriteStartObject("args");
            json.WriteString("name", thread);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
