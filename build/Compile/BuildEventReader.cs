using System.Text.Json;

namespace Tfwheel.Compile;

/// <summary>
/// Reads the newline-delimited JSON that --build_event_json_file writes (one BuildEvent per line,
/// https://bazel.build/remote/bep). Uses: buildFinished.overallSuccess / exitCode.name, targetCompleted
/// with success false or aborted events for failed targets, and failed action events (label, type =
/// mnemonic, stderr as a file:// URI) for the first failing action; how the spawns ran (<see cref="SpawnCounts"/>).
/// </summary>
public static class BuildEventReader
{
    public static BuildOutcome Read(string path)
    {
        if (!File.Exists(path))
        {
            return BuildOutcome.Missing;
        }

        var finished = false;
        var success = false;
        string? exitName = null;
        var failedTargets = new List<string>();
        FailedAction? first = null;
        SpawnCounts? fromProgress = null, fromMetrics = null;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue; // a build killed mid-write leaves a truncated last line
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.TryGetProperty("finished", out var fin))
                {
                    finished = true;
                    success = fin.TryGetProperty("overallSuccess", out var ok) && ok.GetBoolean();
                    exitName = fin.TryGetProperty("exitCode", out var code) && code.TryGetProperty("name", out var n) ? n.GetString() : exitName;
                }
                else if (root.TryGetProperty("action", out var action) && !(action.TryGetProperty("success", out var s) && s.GetBoolean()))
                {
                    first ??= ReadAction(action, root);
                }
                else if (root.TryGetProperty("progress", out var progress) && Text(progress, "stderr") is { } stderr)
                {
                    fromProgress = SpawnCounts.FromProgressText(stderr) ?? fromProgress;
                }
                else if (root.TryGetProperty("buildMetrics", out var metrics))
                {
                    fromMetrics = SpawnCounts.FromRunnerCount(metrics) ?? fromMetrics;
                }
                else if (TargetLabel(root) is { } label && IsFailedTarget(root))
                {
                    failedTargets.Add(label);
                }
            }
        }

        return new BuildOutcome(finished, success, exitName, failedTargets.Distinct().ToList(), first) { Spawns = fromMetrics ?? fromProgress };
    }

    private static FailedAction ReadAction(JsonElement action, JsonElement root)
    {
        var label = Text(action, "label") ??
            (root.GetProperty("id").TryGetProperty("actionCompleted", out var id) ? Text(id, "label") : null) ?? "(unknown target)";
        int? exit = action.TryGetProperty("exitCode", out var e) && e.TryGetInt32(out var v) ? v : null;
        var stderr = action.TryGetProperty("stderr", out var file) ? ReadFileReference(file) : "";
        return new FailedAction(label, Text(action, "type") ?? "(unknown action)", exit, stderr);
    }

    /// <summary>BEP files are either inline ("contents", base64) or a URI; bazel writes local ones as file://.</summary>
    private static string ReadFileReference(JsonElement file)
    {
        if (file.TryGetProperty("contents", out var contents) && contents.GetString() is { } b64)
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64));
        }

        if (Text(file, "uri") is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile && File.Exists(u.LocalPath))
        {
            return File.ReadAllText(u.LocalPath);
        }

        return "";
    }

    private static string? TargetLabel(JsonElement root) =>
        root.TryGetProperty("id", out var id) && id.TryGetProperty("targetCompleted", out var t) ? Text(t, "label") : null;

    private static bool IsFailedTarget(JsonElement root) =>
        root.TryGetProperty("aborted", out _) ||
        (root.TryGetProperty("completed", out var c) && !(c.TryGetProperty("success", out var s) && s.GetBoolean()));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}

/// <summary>An action that failed, from the Build Event Protocol: which target, what kind of action, what it printed.</summary>
/// <param name="Label">The target that owns the action, "//tensorflow/core/kernels:framework".</param>
/// <param name="Mnemonic">The kind of action: CppCompile, CppLink, Genrule, ...</param>
/// <param name="Stderr">What the action wrote to standard error (read from the file the event points at).</param>
public sealed record FailedAction(string Label, string Mnemonic, int? ExitCode, string Stderr);
