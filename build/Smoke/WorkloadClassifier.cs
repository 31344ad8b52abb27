using System.Text.Json;
using Tfwheel.Platforms;
using Tfwheel.Processes;

namespace Tfwheel.Smoke;

/// <summary>
/// Turns a finished workload process into a <see cref="WorkloadResult"/>: a timeout, a signal, the
/// workload's own verdict (its JSON result line), an import failure read from the traceback, or an error.
/// </summary>
public static class WorkloadClassifier
{
    /// <summary>How many stderr lines a result keeps for people (the process keeps more for the pickers).</summary>
    public const int StderrLinesKept = 30;

    public static WorkloadResult Classify(string name, ProcessResult process, HostPlatform host)
    {
        var stderr = process.StandardErrorTail;
        var (line, ok, message) = FindResultLine(process.StandardOutput);
        var mlir = MlirErrorLines.Pick(stderr);
        var result = new WorkloadResult(name, SmokeOutcome.Passed, process.Duration, "")
        {
            Argv = [process.Spec.Executable, .. process.Spec.Arguments],
            ExitCode = process.TimedOut ? null : process.ExitCode,
            ResultLine = line,
            StandardErrorTail = stderr.Skip(Math.Max(0, stderr.Count - StderrLinesKept)).ToList(),
            MlirLines = mlir,
        };

        if (process.TimedOut)
        {
            return result with
            {
                Outcome = SmokeOutcome.TimedOut,
                Note = $"did not finish within {process.Spec.Timeout?.TotalSeconds:0} s; its whole process tree was killed",
            };
        }

        if (process.Signal is { } number)
        {
            var signal = Signals.Name(number, host.Os);
            // The stderr tail (faulthandler's Python stack) travels with the result; the note names the first LLVM/MLIR line.
            var note = $"crashed with {signal} ({Signals.Explain(signal)})";
            if (InterpreterLine.Find(process.StandardOutput)?.CrashExplanation is { } rosetta)
            {
                note = $"{note}; {rosetta}";
            }

            return result with
            {
                Outcome = SmokeOutcome.Crashed,
                Signal = signal,
                Note = mlir.Count > 0 ? $"{note}; {mlir[0]}" : note,
            };
        }

        if (ok is false)
        {
            return result with { Outcome = SmokeOutcome.WrongResult, Note = message ?? "the workload reported a failed check" };
        }

        if (process.ExitCode == 0)
        {
            return result with { Note = message ?? "exited 0 (printed no result line)" };
        }

        if (ImportFailure.Diagnose(stderr, host.Arch) is { } diagnosis)
        {
            return result with { Outcome = SmokeOutcome.ImportFailed, Note = diagnosis };
        }

        var exception = stderr.LastOrDefault(IsExceptionLine);
        return result with
        {
            Outcome = SmokeOutcome.Errored,
            Note = ok is true
                ? $"reported ok but exited with code {process.ExitCode}"
                : exception is null
                    ? $"exited with code {process.ExitCode} without a result line"
                    : $"raised {exception.Trim()}",
        };
    }

    /// <summary>The last stdout line that is a JSON object with a boolean "ok": the workload's verdict.</summary>
    internal static (string? Line, bool? Ok, string? Message) FindResultLine(string stdout)
    {
        foreach (var raw in stdout.Split('\n').Reverse())
        {
            var text = raw.Trim();
            if (!text.StartsWith('{') || !text.EndsWith('}'))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    var message = doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    return (text, ok.GetBoolean(), message);
                }
            }
            catch (JsonException)
            {
                // Not a result line (TensorFlow and user code may print other braces); keep looking.
            }
        }

        return (null, null, null);
    }

    private static bool IsExceptionLine(string line) =>
        line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.Split(':', 2)[0] is var type &&
        type.Length > 0 && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') &&
        (type.EndsWith("Error", StringComparison.Ordinal) || type.EndsWith("Exception", StringComparison.Ordinal));
}
