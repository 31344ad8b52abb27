using System.Text.Json;

namespace Tfwheel.Smoke;

/// <summary>
/// The facts the build-info workload prints about its interpreter before it imports TensorFlow
/// (a JSON line with "stage": "interpreter"): what explains a crash during that import.
/// </summary>
/// <param name="Translated">sysctl.proc_translated: 1 under Rosetta, 0 native, null off macOS.</param>
public sealed record InterpreterLine(string? Machine, int? Translated)
{
    public bool UnderRosetta => Translated == 1;

    /// <summary>The first interpreter line on stdout, or null (other workloads print none).</summary>
    public static InterpreterLine? Find(string stdout)
    {
        foreach (var raw in stdout.Split('\n'))
        {
            var text = raw.Trim();
            if (!text.StartsWith('{') || !text.Contains("\"interpreter\"", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.TryGetProperty("stage", out var stage) && stage.ValueKind == JsonValueKind.String && stage.GetString() == "interpreter")
                {
                    var machine = root.TryGetProperty("machine", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    int? translated = root.TryGetProperty("translated", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
                    return new InterpreterLine(machine, translated);
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                // not the line we look for
            }
        }

        return null;
    }

    /// <summary>The sentence a crash note gains when the interpreter ran under Rosetta.</summary>
    public string? CrashExplanation => UnderRosetta
        ? $"the interpreter is an {Machine ?? "x86_64"} process under Rosetta (sysctl.proc_translated = 1), which has no AVX: use an arm64 Python and the arm64 wheel"
        : null;
}
